package org.chokepoint.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;

/**
 * The bytes of the files of an import folder: a directory on disk, or the data shipped
 * inside the application ({@code classpath:import/}). A file that is absent is an empty
 * table; a directory holding none of the files is refused.
 *
 * @param description where the files came from, for reports
 * @param files the bytes of each file present
 */
record ImportFolder(String description, Map<ImportFile, byte[]> files) {

	static ImportFolder directory(Path directory) {
		if (!Files.isDirectory(directory)) {
			throw new ImportFailedException(
					List.of(new ImportError(directory.toString(), 0, 0, null, "not a directory")));
		}
		Map<ImportFile, byte[]> files = new EnumMap<>(ImportFile.class);
		for (ImportFile file : ImportFile.values()) {
			Path path = directory.resolve(file.fileName());
			if (Files.exists(path)) {
				try {
					files.put(file, Files.readAllBytes(path));
				}
				catch (IOException ex) {
					throw new ImportFailedException(
							List.of(new ImportError(path.toString(), 0, 0, null, "can't be read: " + ex)));
				}
			}
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

	static ImportFolder shipped() {
		Map<ImportFile, byte[]> files = new EnumMap<>(ImportFile.class);
		for (ImportFile file : ImportFile.values()) {
			ClassPathResource resource = new ClassPathResource("import/" + file.fileName());
			if (resource.exists()) {
				try (InputStream in = resource.getInputStream()) {
					files.put(file, in.readAllBytes());
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Can't read " + resource, ex);
				}
			}
		}
		return new ImportFolder("the shipped data (classpath:import/)", files);
	}

	/** A SHA-256 over the names and bytes of the files: the data version. */
	String version() {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (Map.Entry<ImportFile, byte[]> file : this.files.entrySet()) {
				digest.update(file.getKey().fileName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
				digest.update((byte) 0);
				digest.update(file.getValue());
			}
			return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	long totalBytes() {
		return this.files.values().stream().mapToLong(b -> b.length).sum();
	}

}
