package dev.portico.node.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Writes exact bytes to a port and reads what comes back: for framing the HTTP clients would not send. */
public final class RawHttp {

    private RawHttp() {
    }

    private static final int FIRST_BYTE_MILLIS = 5_000;

    /**
     * Sends {@code request} and reads until the server closes, or, once it has started answering,
     * goes quiet for {@code quietMillis}.
     */
    public static String exchange(int port, String request, int quietMillis) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(FIRST_BYTE_MILLIS);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return readUntilQuiet(socket, quietMillis);
        }
    }

    /** True when the server closed the connection (read returned end of stream) within the wait. */
    public static boolean closedAfter(int port, String request, int waitMillis) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(waitMillis);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                while (in.read(buffer) >= 0) {
                    // drain the answer
                }
                return true;
            } catch (SocketTimeoutException e) {
                return false;
            }
        }
    }

    private static String readUntilQuiet(Socket socket, int quietMillis) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                socket.setSoTimeout(quietMillis);
            }
        } catch (SocketTimeoutException e) {
            // quiet long enough: that is all
        } catch (IOException e) {
            if (out.size() == 0) {
                throw e;
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
