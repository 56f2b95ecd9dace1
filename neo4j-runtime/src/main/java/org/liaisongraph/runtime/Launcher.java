package org.liaisongraph.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Starts Neo4j Community embedded, with only the Bolt connector, on a loopback address.
 *
 * <p>Arguments are {@code --name=value} pairs: {@code home} (store folder), {@code host}
 * (default 127.0.0.1), {@code port} (default 7687), {@code pagecache} (bytes, e.g. 2g) and
 * {@code tx-timeout} (seconds, 0 = none; clients set their own per transaction). The JVM heap
 * is the caller's {@code -Xmx}.
 *
 * <p>It prints one line {@code READY bolt://host:port} once Bolt accepts connections, and one
 * line {@code FAILED <reason>} if it cannot start. SIGTERM and SIGINT run Neo4j's own shutdown
 * (checkpoint, store closed cleanly) before the process exits. With {@code --watch-stdin} it also
 * shuts down when its standard input closes, so a parent that dies without cleaning up (SIGKILL)
 * never leaves a database behind.
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) {
        Map<String, String> options = parse(args);
        String host = options.getOrDefault("host", "127.0.0.1");
        int port;
        long pageCacheBytes;
        long txTimeoutSeconds;
        try {
            port = Integer.parseInt(options.getOrDefault("port", "7687"));
            pageCacheBytes = parseBytes(options.getOrDefault("pagecache", "512m"));
            txTimeoutSeconds = Long.parseLong(options.getOrDefault("tx-timeout", "0"));
        } catch (IllegalArgumentException e) {
            fail("bad argument: " + e.getMessage());
            return;
        }
        Path home = Path.of(options.getOrDefault("home", "data")).toAbsolutePath();

        DatabaseManagementService dbms;
        try {
            Files.createDirectories(home);
            DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                    .setConfig(HttpConnector.enabled, false)
                    // The stores are checkpointed and closed before Bolt stops; Bolt's default
                    // 5 s + 5 s drain after that only delays the exit of a loopback server.
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes);
            if (txTimeoutSeconds > 0) {
                builder.setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeoutSeconds));
            }
            dbms = builder.build();
        } catch (Throwable e) {
            fail(rootMessage(e));
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean shuttingDown = new AtomicBoolean(false);
        Runnable shutdown = () -> {
            if (shuttingDown.compareAndSet(false, true)) {
                System.out.println("STOPPING");
                dbms.shutdown();
                System.out.println("STOPPED");
                System.out.flush();
            }
            stopped.countDown();
        };
        // The JVM runs shutdown hooks on SIGTERM/SIGINT; Neo4j's shutdown checkpoints and
        // closes the store, so the next start needs no recovery.
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "neo4j-shutdown"));

        if (options.containsKey("watch-stdin")) {
            Thread watcher = new Thread(() -> {
                waitForEndOfInput(System.in);
                System.exit(0); // runs the shutdown hook
            }, "stdin-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }

        System.out.println("READY bolt://" + host + ":" + port);
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitForEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // Input is ignored; only its end matters.
            }
        } catch (IOException ignored) {
            // A broken pipe means the parent is gone, the same as end of input.
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                fail("arguments are --name=value, got '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            if (eq < 0) {
                options.put(arg.substring(2), "true");
            } else {
                options.put(arg.substring(2, eq), arg.substring(eq + 1));
            }
        }
        return options;
    }

    /** Parses 512m, 2g, 1024k or a plain number of bytes. */
    static long parseBytes(String text) {
        String t = text.trim().toLowerCase();
        long unit = 1;
        char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            unit = last == 'k' ? 1024L : last == 'm' ? 1024L * 1024 : 1024L * 1024 * 1024;
            t = t.substring(0, t.length() - 1);
        }
        return Long.parseLong(t) * unit;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        StringBuilder chain = new StringBuilder(String.valueOf(e.getMessage()));
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            chain.append(" <- ").append(root.getMessage());
        }
        return chain.toString().replace('\n', ' ');
    }

    private static void fail(String reason) {
        System.out.println("FAILED " + reason);
        System.out.flush();
        System.exit(2);
    }
}
