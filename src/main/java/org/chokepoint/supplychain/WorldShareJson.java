package org.chokepoint.supplychain;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.io.NumberOutput;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonGeneratorBase;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes an alternative's world share as Jackson writes a double, its text taken from a
 * table of the shares written lately where it is there. World shares are the data's own,
 * the same in every answer that lists the supplier as an alternative, and a summary chain
 * answer lists hundreds of them: their decimal text (the shortest that reads back as the
 * same double) was about a third of the writing of such an answer.
 *
 * <p>
 * The table holds {@value #SLOTS} texts (about 1 MB at most), each in the slot its
 * double's bits hash to, a newer one replacing an older; a text is of one double and one
 * choice of algorithm ({@link StreamWriteFeature#USE_FAST_DOUBLE_WRITER}), so a slot
 * shared or a writer with the other algorithm writes the text anew. Not NaN or infinity,
 * nor for a writer of numbers as strings or of another format than JSON: those are
 * written as Jackson writes them. Slots are read and written without locks: a text is
 * immutable, so a reader sees a whole one, older or newer.
 */
final class WorldShareJson extends ValueSerializer<Double> {

	/** How many texts the table holds: a power of 2. */
	static final int SLOTS = 1 << 13;

	private static final Text[] TEXTS = new Text[SLOTS];

	/** A double's text, written with the fast algorithm or Java's. */
	private record Text(long bits, boolean fast, SerializableString text) {
	}

	@Override
	public void serialize(Double value, JsonGenerator gen, SerializationContext ctxt) {
		double share = value;
		if (!(gen instanceof JsonGeneratorBase json) || !Double.isFinite(share)
				|| json.isEnabled(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS)) {
			gen.writeNumber(share);
			return;
		}
		boolean fast = gen.isEnabled(StreamWriteFeature.USE_FAST_DOUBLE_WRITER);
		long bits = Double.doubleToRawLongBits(share);
		int slot = slot(bits);
		Text text = TEXTS[slot];
		if (text == null || text.bits() != bits || text.fast() != fast) {
			// what JsonGenerator.writeNumber(double) writes
			text = new Text(bits, fast, new SerializedString(NumberOutput.toString(share, fast)));
			TEXTS[slot] = text;
		}
		gen.writeRawValue(text.text());
	}

	/** The slot of a double's bits (Fibonacci hashing: their high bits mixed down). */
	static int slot(long bits) {
		return (int) ((bits * 0x9E3779B97F4A7C15L) >>> (64 - Integer.numberOfTrailingZeros(SLOTS)));
	}

}
