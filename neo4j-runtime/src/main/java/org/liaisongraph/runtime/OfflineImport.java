package org.liaisongraph.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.neo4j.batchimport.api.InputIterable;
import org.neo4j.batchimport.api.InputIterator;
import org.neo4j.batchimport.api.input.Collector;
import org.neo4j.batchimport.api.input.Input;
import org.neo4j.batchimport.api.input.InputChunk;
import org.neo4j.batchimport.api.input.InputEntityVisitor;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.Config;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.fs.FileSystemAbstraction;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.pagecache.context.CursorContextFactory;
import org.neo4j.io.pagecache.tracing.PageCacheTracer;
import org.neo4j.importer.ImportCommand;
import org.neo4j.logging.InternalLogProvider;
import org.neo4j.logging.internal.LogService;
import org.neo4j.memory.MemoryTracker;
import org.neo4j.scheduler.JobScheduler;
import picocli.CommandLine;

/**
 * Neo4j's own offline importer, {@code neo4j-admin database import full} of Community 5.26, run
 * on the launcher's store: {@code java -cp ... OfflineImport --home=<store> <import options>}.
 * The options are the importer's own (see {@code --help}); the store folder is the launcher's
 * {@code --home}, whose {@code data/} the importer writes, exactly as neo4j-admin does with
 * {@code NEO4J_HOME}. It exits with the importer's exit code.
 *
 * <p>What the importer's CSV cannot carry, the CSV writer (src/import/importCsv.ts) writes as
 * control characters the document schema never lets through, and this turns back into the
 * values the online writes store: an array whose only element is {@link #EMPTY_LIST} becomes an
 * empty array (the CSV reader drops empty arrays, but every unmarked element has
 * {@code releasableTo: []}, and an absent property is not an empty list to a reader), and
 * {@link #LINE_FEED} and {@link #CARRIAGE_RETURN} in a text become line breaks (so every row is
 * one line: the importer's multiline parsing is slow, and its v2 chunker fails on files larger
 * than its read buffer). It is a decorator of the importer's input, nothing else changes.
 */
public final class OfflineImport {

    /** The one element of an array that stands for the empty array (U+001E, record separator). */
    static final String EMPTY_LIST = "\u001e";

    /** Stand for a line feed and a carriage return in a text (U+001D and U+001C). */
    static final char LINE_FEED = '\u001d';

    static final char CARRIAGE_RETURN = '\u001c';

    private static final String[] NO_STRINGS = new String[0];

    private OfflineImport() {}

    public static void main(String[] args) {
        Path home = null;
        java.util.List<String> rest = new java.util.ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--home=")) {
                home = Path.of(arg.substring("--home=".length())).toAbsolutePath();
            } else {
                rest.add(arg);
            }
        }
        if (home == null) {
            System.err.println("usage: OfflineImport --home=<store folder> <neo4j-admin database import full options>");
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        ExecutionContext context = new ExecutionContext(
                home, home.resolve("conf"), out, System.err, new DefaultFileSystemAbstraction());
        int code = new CommandLine(new Full(context)).execute(rest.toArray(new String[0]));
        System.exit(code);
    }

    /** {@code import full} with its input seen through {@link EmptyLists}. */
    @CommandLine.Command(name = "full")
    static final class Full extends ImportCommand.Full {
        Full(ExecutionContext context) {
            super(context);
        }

        /**
         * Runs the import; a failure also prints its root cause as one line {@code CAUSE ...}
         * (without --verbose the importer itself says only "Error importing csv file", and
         * --verbose replaces its progress bars by a trace of every step).
         */
        @Override
        public void execute() throws Exception {
            try {
                super.execute();
            } catch (Exception e) {
                Throwable root = e;
                while (root.getCause() != null && root.getCause() != root) {
                    root = root.getCause();
                }
                System.err.println("CAUSE " + String.valueOf(root).replace('\n', ' '));
                throw e;
            }
        }

        /** Community: the parent command that would say otherwise is not there. */
        @Override
        public boolean allowEnterpriseFeatures() {
            return false;
        }

        @Override
        protected void doImport(
                FileSystemAbstraction fs,
                DatabaseLayout layout,
                Config config,
                JobScheduler scheduler,
                InternalLogProvider logProvider,
                PageCacheTracer tracer,
                CursorContextFactory contextFactory,
                org.neo4j.batchimport.api.Configuration importConfig,
                LogService logService,
                PrintStream out,
                PrintStream err,
                boolean verbose,
                Collector collector,
                MemoryTracker memoryTracker,
                Input input)
                throws IOException {
            super.doImport(
                    fs, layout, config, scheduler, logProvider, tracer, contextFactory, importConfig,
                    logService, out, err, verbose, collector, memoryTracker, new EmptyLists(input));
        }
    }

    /** The importer's input, with marked arrays turned into empty ones. */
    private static final class EmptyLists extends Input.Delegate {
        EmptyLists(Input input) {
            super(input);
        }

        @Override
        public InputIterable nodes(Collector collector) {
            return wrap(delegate.nodes(collector));
        }

        @Override
        public InputIterable relationships(Collector collector) {
            return wrap(delegate.relationships(collector));
        }

        private static InputIterable wrap(InputIterable iterable) {
            return () -> {
                InputIterator iterator = iterable.iterator();
                return new InputIterator() {
                    @Override
                    public InputChunk newChunk() {
                        return new Chunk(iterator.newChunk());
                    }

                    @Override
                    public boolean next(InputChunk chunk) throws IOException {
                        return iterator.next(((Chunk) chunk).chunk);
                    }

                    @Override
                    public void close() throws IOException {
                        iterator.close();
                    }
                };
            };
        }
    }

    /** A chunk whose entities pass through one {@link Visitor} per importer visitor. */
    private static final class Chunk implements InputChunk {
        final InputChunk chunk;
        private InputEntityVisitor last;
        private Visitor visitor;

        Chunk(InputChunk chunk) {
            this.chunk = chunk;
        }

        @Override
        public boolean next(InputEntityVisitor target) throws IOException {
            if (target != last) {
                last = target;
                visitor = new Visitor(target);
            }
            return chunk.next(visitor);
        }

        @Override
        public void close() throws IOException {
            chunk.close();
        }
    }

    /** Hands everything on, with the values the CSV writer encoded decoded. */
    private static final class Visitor extends InputEntityVisitor.Delegate {
        Visitor(InputEntityVisitor target) {
            super(target);
        }

        @Override
        public boolean property(String key, Object value) {
            return super.property(key, decoded(value));
        }

        static Object decoded(Object value) {
            if (value instanceof String text) {
                return lines(text);
            }
            if (value instanceof String[] texts) {
                if (texts.length == 1 && EMPTY_LIST.equals(texts[0])) {
                    return NO_STRINGS;
                }
                for (int i = 0; i < texts.length; i++) {
                    texts[i] = lines(texts[i]);
                }
            }
            return value;
        }

        private static String lines(String text) {
            if (text.indexOf(LINE_FEED) < 0 && text.indexOf(CARRIAGE_RETURN) < 0) {
                return text;
            }
            return text.replace(LINE_FEED, '\n').replace(CARRIAGE_RETURN, '\r');
        }
    }
}
