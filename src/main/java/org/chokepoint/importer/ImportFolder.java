package org.chokepoint.importer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;

/**
 * The files of an import folder: a directory on disk, or the data shipped inside the
 * application ({@code classpath:import/}). A file that is absent is an empty table; a
 * directory holding none of the files is refused.
 *
 * <p>
 * Only regular files are read: a symbolic link (dangling or not, checked without
 * following it), a FIFO, a device or a directory under a file's name is refused, naming
 * the file. Sizes are checked before anything is read ({@link ImportLimits}), and every
 * stream stops at its file's limit should the file grow meanwhile. Files are streamed,
 * never read whole.
 *
 * @param description where the files came from, for reports
 * @param files each file present
 */
record ImportFolder(String description, Map<ImportFile, Source> files) {

	/** Opens a file's bytes. */
	interface Opener {

		InputStream open() throws IOException;

	}

	/**
	 * One file of the folder.
	 *
	 * @param name where it is, for errors
	 * @param limit the most bytes it may hold
	 * @param opener opens it
	 */
	record Source(String name, long limit, Opener opener) {

		/** The file's bytes, stopping with an error past its limit. */
		InputStream open() throws IOException {
			return new Bounded(this.opener.open(), this.limit, this.name);
		}

	}

	static ImportFolder directory(Path directory) {
		return directory(directory, ImportLimits.DEFAULT);
	}

	static ImportFolder directory(Path directory, ImportLimits limits) {
		if (!Files.isDirectory(directory)) {
			throw new ImportFailedException(
					List.of(new ImportError(directory.toString(), 0, 0, null, "not a directory")));
		}
		Map<ImportFile, Source> files = new EnumMap<>(ImportFile.class);
		List<ImportError> errors = new ArrayList<>();
		long total = 0;
		for (ImportFile file : ImportFile.values()) {
			Path path = directory.resolve(file.fileName());
			BasicFileAttributes attributes;
			try {
				attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
			}
			catch (NoSuchFileException ex) {
				continue;
			}
			catch (IOException ex) {
				errors.add(new ImportError(file.fileName(), 0, 0, null, "can't be read: " + ex));
				continue;
			}
			String refused = refusal(attributes);
			if (refused != null) {
				errors.add(new ImportError(file.fileName(), 0, 0, null,
						refused + "; only regular files are imported (" + path + ")"));
				continue;
			}
			long limit = limits.maxSize(file);
			if (attributes.size() > limit) {
				errors.add(new ImportError(file.fileName(), 0, 0, null,
						"holds " + attributes.size() + " bytes, more than the limit of " + limit
								+ " (chokepoint.import."
								+ (file == ImportFile.TRADE_FLOWS ? "max-trade-flows-size" : "max-file-size") + ")"));
				continue;
			}
			total += attributes.size();
			files.put(file,
					new Source(file.fileName(), limit, () -> Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)));
		}
		if (errors.isEmpty() && total > limits.maxTotalSize()) {
			errors.add(new ImportError(directory.toString(), 0, 0, null,
					"its files hold " + total + " bytes, more than the limit of " + limits.maxTotalSize()
							+ " (chokepoint.import.max-total-size)"));
		}
		if (!errors.isEmpty()) {
			throw new ImportFailedException(errors);
		}
		if (files.isEmpty()) {
			// importing it would replace the whole graph with nothing: a mistyped dir,
			// not an intent
			throw new ImportFailedException(List
				.of(new ImportError(directory.toString(), 0, 0, null, "holds none of the import files ("
						+ Arrays.stream(ImportFile.values()).map(ImportFile::fileName).collect(Collectors.joining(", "))
						+ "); nothing to import")));
		}
		return new ImportFolder(directory.toAbsolutePath().normalize().toString(), files);
	}

	/** Why a file is not read, or null for a regular file. */
	private static String refusal(BasicFileAttributes attributes) {
		if (attributes.isSymbolicLink()) {
			return "is a symbolic link";
		}
		if (attributes.isDirectory()) {
			return "is a directory";
		}
		if (attributes.isOther()) {
			return "is not a regular file (a FIFO, socket or device)";
		}
		return attributes.isRegularFile() ? null : "is not a regular file";
	}

	static ImportFolder shipped() {
		Map<ImportFile, Source> files = new EnumMap<>(ImportFile.class);
		for (ImportFile file : ImportFile.values()) {
			ClassPathResource resource = new ClassPathResource("import/" + file.fileName());
			if (resource.exists()) {
				files.put(file,
						new Source(file.fileName(), ImportLimits.DEFAULT.maxSize(file), resource::getInputStream));
			}
		}
		return new ImportFolder("the shipped data (classpath:import/)", files);
	}

	/**
	 * A SHA-256 over the names and bytes of the files: the data version. Streams every
	 * file once.
	 */
	String version() {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[64 * 1024];
			for (Map.Entry<ImportFile, Source> file : this.files.entrySet()) {
				digest.update(file.getKey().fileName().getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				try (InputStream in = new DigestInputStream(file.getValue().open(), digest)) {
					while (in.read(buffer) != -1) {
						// digested as read
					}
				}
				catch (IOException ex) {
					throw new ImportFailedException(List.of(new ImportError(file.getKey().fileName(), 0, 0, null,
							"can't be read: " + ex.getMessage())));
				}
			}
			return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A stream that fails once more than its limit was read. */
	private static final class Bounded extends FilterInputStream {

		private final long limit;

		private final String name;

		private long read;

		Bounded(InputStream in, long limit, String name) {
			super(in);
			this.limit = limit;
			this.name = name;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b != -1) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws IOException {
			this.read += n;
			if (this.read > this.limit) {
				throw new IOException(this.name + " grew beyond its limit of " + this.limit + " bytes while read");
			}
		}

	}

}
