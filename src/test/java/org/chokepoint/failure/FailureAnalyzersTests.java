package org.chokepoint.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.helpers.PortBindException;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.io.locker.FileLockException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.mock.env.MockEnvironment;

/**
 * The one-line start-up failures against a made-up {@code /proc}: a process 4242 that
 * listens on port 8080 (socket inode 777) and holds a lock on a file.
 */
class FailureAnalyzersTests {

	@TempDir
	Path proc;

	private Holders holders() throws Exception {
		Files.createDirectories(this.proc.resolve("net"));
		Files.writeString(this.proc.resolve("net/tcp"),
				"""
						  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
						   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 777 1 0 100 0 0 10 0
						   1: 0100007F:1F91 00000000:0000 01 00000000:00000000 00:00000000 00000000     0        0 778 1 0 100 0 0 10 0
						""");
		Path process = Files.createDirectories(this.proc.resolve("4242/fd"));
		Files.createSymbolicLink(process.resolve("5"), Path.of("socket:[777]"));
		Files.write(this.proc.resolve("4242/cmdline"),
				"/usr/bin/java\0-Xmx1g\0-cp\0a.jar:b.jar\0-jar\0chokepoint.jar\0".getBytes(StandardCharsets.UTF_8));
		return new Holders(this.proc);
	}

	@Test
	void theHttpPortInUseNamesThePortTheSettingAndTheHolder() throws Exception {
		MockEnvironment environment = new MockEnvironment().withProperty("server.address", "127.0.0.1");
		FailureAnalysis analysis = new HttpPortFailureAnalyzer(environment, holders())
			.analyze(new IllegalStateException("Unable to start web server", new PortInUseException(8080)));
		assertThat(analysis.getDescription())
			.isEqualTo("HTTP port 8080 on 127.0.0.1 is already in use by pid 4242"
					+ " (java chokepoint.jar): set server.port to a free port (SERVER_PORT), or stop what holds it.")
			.doesNotContain("\n");
	}

	@Test
	void theBoltPortInUseNamesThePortFromNeo4jsMessageAndTheSetting() throws Exception {
		FailureAnalysis analysis = new BoltPortFailureAnalyzer(new MockEnvironment(), holders())
			.analyze(new RuntimeException(new PortBindException(new SocketAddress("127.0.0.1", 8080),
					new BindException("Address already in use"))));
		assertThat(analysis.getDescription()).isEqualTo("Bolt port 8080 on 127.0.0.1 is already in use by pid 4242"
				+ " (java chokepoint.jar): set chokepoint.embedded.port to a free port (0 picks one), or stop what"
				+ " holds it.");
	}

	@Test
	void aPortNobodyIsKnownToHoldLeavesTheHolderOut() throws Exception {
		FailureAnalysis analysis = new HttpPortFailureAnalyzer(new MockEnvironment(), holders())
			.analyze(new PortInUseException(8081));
		assertThat(analysis.getDescription()).startsWith("HTTP port 8081 on all interfaces is already in use: set");
	}

	@Test
	void aLockedStoreNamesTheDirectoryTheSettingAndTheHolder() throws Exception {
		Path data = Files.createDirectories(this.proc.resolve("store/data/databases"));
		Path lock = Files.createFile(data.resolve("store_lock"));
		Object inode = Files.getAttribute(lock, "unix:ino");
		Holders holders = holders();
		Files.writeString(this.proc.resolve("locks"), "1: FLOCK  ADVISORY  WRITE 17 fe:00:1 0 EOF\n"
				+ "2: POSIX  ADVISORY  WRITE 4242 fe:00:" + inode + " 0 EOF\n");
		MockEnvironment environment = new MockEnvironment().withProperty("chokepoint.embedded.data-dir",
				this.proc.resolve("store").toString());
		FailureAnalysis analysis = new StoreLockFailureAnalyzer(environment, holders)
			.analyze(new FileLockException("Lock file has been locked by another process: " + lock
					+ ". Please ensure no other process is using this database, and that the directory is writable"
					+ " (required even for read-only access)", null));
		assertThat(analysis.getDescription()).isEqualTo("The database " + this.proc.resolve("store")
				+ " (chokepoint.embedded.data-dir) is in use by pid 4242 (java chokepoint.jar), most likely a running"
				+ " Chokepoint: stop it first, or use its REST API (POST /api/admin/import, GET /api/data/report).");
	}

}
