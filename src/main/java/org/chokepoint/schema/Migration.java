package org.chokepoint.schema;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * One migration file, {@code V0001__Describe_it.cypher}: its version, description,
 * checksum and statements (separated by a semicolon at the end of a line; {@code //}
 * comment lines are dropped).
 */
record Migration(int version, String description, String checksum, List<String> statements) {

	private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.cypher");

	static Migration parse(String fileName, String content) {
		Matcher matcher = NAME.matcher(fileName);
		if (!matcher.matches()) {
			throw new IllegalStateException(
					"Migration file name " + fileName + " is not V<version>__<Description>.cypher");
		}
		CRC32 crc = new CRC32();
		crc.update(content.getBytes(StandardCharsets.UTF_8));
		String withoutComments = content.lines()
			.filter(line -> !line.strip().startsWith("//"))
			.reduce("", (a, b) -> a + b + "\n");
		List<String> statements = Arrays.stream(withoutComments.split(";\\s*(\\n|$)"))
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.toList();
		return new Migration(Integer.parseInt(matcher.group(1)), matcher.group(2).replace('_', ' '),
				Long.toString(crc.getValue()), statements);
	}

}
