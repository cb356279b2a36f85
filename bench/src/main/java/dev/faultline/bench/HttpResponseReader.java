package dev.faultline.bench;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads HTTP/1.1 responses from one connection: status line, headers (kept), and a body framed by
 * {@code Content-Length}, by chunked transfer coding, or by the end of the stream. Not thread-safe.
 */
final class HttpResponseReader {

    private static final int MAX_LINE = 16 * 1024;
    private static final byte[] EMPTY = new byte[0];

    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;

    HttpResponseReader(InputStream in) {
        this.in = in;
    }

    HttpResponse read() throws IOException {
        while (true) {
            HttpResponse response = readOne();
            if (response.status() >= 200 || response.status() == 101) {
                return response;
            }
            // 1xx interim responses (100 Continue) precede the real one.
        }
    }

    private HttpResponse readOne() throws IOException {
        String statusLine = readLine();
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.x status line: " + abbreviate(statusLine));
        }
        int status = parseStatus(statusLine);
        boolean keepAlive = statusLine.charAt(7) != '0';
        long contentLength = -1;
        boolean chunked = false;
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line: " + abbreviate(line));
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            headers.add(Map.entry(name, value));
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = parseLength(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase().endsWith("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                if (value.equalsIgnoreCase("close")) {
                    keepAlive = false;
                } else if (value.equalsIgnoreCase("keep-alive")) {
                    keepAlive = true;
                }
            }
        }
        if (status < 200 || status == 204 || status == 304) {
            return new HttpResponse(status, headers, EMPTY, keepAlive);
        }
        if (chunked) {
            return new HttpResponse(status, headers, readChunked(), keepAlive);
        }
        if (contentLength >= 0) {
            return new HttpResponse(status, headers, readExactly(contentLength), keepAlive);
        }
        return new HttpResponse(status, headers, readToEnd(), false);
    }

    private static int parseStatus(String statusLine) throws IOException {
        try {
            return Integer.parseInt(statusLine, 9, 12, 10);
        } catch (NumberFormatException e) {
            throw new IOException("bad status code: " + abbreviate(statusLine), e);
        }
    }

    private static long parseLength(String value) throws IOException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IOException("bad Content-Length: " + abbreviate(value), e);
        }
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int extension = sizeLine.indexOf(';');
            String hex = (extension >= 0 ? sizeLine.substring(0, extension) : sizeLine).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size: " + abbreviate(sizeLine), e);
            }
            if (size == 0) {
                for (String trailer = readLine(); !trailer.isEmpty(); trailer = readLine()) {
                    // trailers are read and ignored
                }
                return body.toByteArray();
            }
            copy(size, body);
            if (!readLine().isEmpty()) {
                throw new IOException("chunk not followed by CRLF");
            }
        }
    }

    private byte[] readExactly(long length) throws IOException {
        if (length == 0) {
            return EMPTY;
        }
        if (length > Integer.MAX_VALUE - 16) {
            throw new IOException("response body too large: " + length);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) length);
        copy(length, body);
        return body.toByteArray();
    }

    private byte[] readToEnd() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(buffer, position, limit - position);
        position = limit;
        in.transferTo(body);
        return body.toByteArray();
    }

    private void copy(long length, OutputStream out) throws IOException {
        long remaining = length;
        while (remaining > 0) {
            if (position == limit && !fill()) {
                throw new EOFException("connection closed with " + remaining + " body bytes outstanding");
            }
            int count = (int) Math.min(remaining, limit - position);
            out.write(buffer, position, count);
            position += count;
            remaining -= count;
        }
    }

    /** A line without its CR LF (a bare LF is accepted too), decoded as ISO-8859-1. */
    private String readLine() throws IOException {
        byte[] line = null;
        int lineLength = 0;
        while (true) {
            if (position == limit && !fill()) {
                throw new EOFException(lineLength == 0 ? "connection closed" : "connection closed mid-line");
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int count = position - start;
            if (lineLength + count > MAX_LINE) {
                throw new IOException("header line longer than " + MAX_LINE + " bytes");
            }
            if (position < limit && line == null) {
                position++; // the LF; the whole line was in the buffer
                return trimCr(new String(buffer, start, count, StandardCharsets.ISO_8859_1));
            }
            line = line == null ? new byte[MAX_LINE] : line;
            System.arraycopy(buffer, start, line, lineLength, count);
            lineLength += count;
            if (position < limit) {
                position++;
                return trimCr(new String(Arrays.copyOf(line, lineLength), StandardCharsets.ISO_8859_1));
            }
        }
    }

    private boolean fill() throws IOException {
        int count = in.read(buffer, 0, buffer.length);
        if (count < 0) {
            return false;
        }
        position = 0;
        limit = count;
        return true;
    }

    private static String trimCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
