package org.posturecoach.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.posturecoach.rest.exception.ProblemMappers;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A client that hangs up while its body is read is not an error of the service: no ERROR log with a stack trace. */
@QuarkusTest
class ClientAbortTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aClientThatClosesMidBodyIsLoggedAtDebugNotAsAnError() throws Exception {
        // Several hang-ups: the service sees some as Vert.x's closed connection, others as a closed channel.
        assertLoggedAtDebugOnly("closed the connection", 5, this::sendHalfABodyAndHangUp);
    }

    // Found by an audit: a chunk size that is no hex number, a chunk not ended by CR LF, or a trailer line without a
    // colon was logged as an unexpected ERROR with a stack trace. It is the client's mistake: logged at debug, the
    // connection closed.
    @Test
    void brokenChunkFramingIsLoggedAtDebugNotAsAnError() throws Exception {
        String body = "{\"answers\":{\"sharpOrWorseningPain\":false";
        // Each framing in the parts it is sent in, 300 ms apart: the trailer's error shows only when it arrives while
        // the body is still being read.
        String[][] framings = { { Integer.toHexString(body.length()) + "\r\n" + body + "\r\n", "zz\r\n" },
            { "zz\r\n" }, { "5\r\nabcdefgh\r\n" }, { "2\r\n{}\r\n", "0\r\nbad trailer\r\n\r\n" } };
        int[] next = { 0 };
        assertLoggedAtDebugOnly("Malformed request framing", 12,
                () -> sendChunked(framings[next[0]++ % framings.length]));
    }

    interface Attempt {
        void run() throws IOException;
    }

    /** After the attempts, nothing at WARNING or above from the mappers, and a debug line that says what happened. */
    private static void assertLoggedAtDebugOnly(String expected, int attempts, Attempt attempt) throws Exception {
        Logger logger = Logger.getLogger(ProblemMappers.class.getName());
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level before = logger.getLevel();
        logger.setLevel(Level.FINE);
        logger.addHandler(handler);
        try {
            for (int i = 1; i <= attempts; i++) {
                int seen = records.size();
                attempt.run();
                for (int wait = 0; wait < 20 && records.size() == seen; wait++) {
                    Thread.sleep(100);
                }
            }
            assertEquals(List.of(), records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                    .map(LogRecord::getMessage).toList());
            assertTrue(records.stream().anyMatch(r -> String.valueOf(r.getMessage()).contains(expected)),
                    "seen: " + records.stream().map(LogRecord::getMessage).toList());
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(before);
        }
    }

    private void sendChunked(String... parts) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("POST /api/v1/assessments/preview HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (String part : parts) {
                socket.getOutputStream().write(part.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                sleep(300);
            }
            socket.getInputStream().readAllBytes(); // the service closes the connection
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private void sendHalfABodyAndHangUp() throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            String part = "{\"answers\": {\"experience\": \"beginner\", ";
            socket.getOutputStream().write(("POST /api/v1/assessments/preview HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n" + part)
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        }
    }
}
