package io.dataforge.platform.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body looks empty to the framework, while the real stream stays with
 * {@link RequestBodies}.
 */
final class BodylessRequest extends HttpServletRequestWrapper {

    private static final ServletInputStream EMPTY = new ServletInputStream() {
        @Override
        public int read() {
            return -1;
        }

        @Override
        public boolean isFinished() {
            return true;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
        }
    };

    BodylessRequest(HttpServletRequest request) {
        super(request);
    }

    /** The declared length of the real body, or -1 when it is chunked. */
    long realContentLength() {
        return super.getContentLengthLong();
    }

    InputStream realInputStream() throws IOException {
        return super.getInputStream();
    }

    HttpServletRequest original() {
        return (HttpServletRequest) getRequest();
    }

    @Override
    public int getContentLength() {
        return 0;
    }

    @Override
    public long getContentLengthLong() {
        return 0;
    }

    @Override
    public ServletInputStream getInputStream() {
        return EMPTY;
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(Reader.nullReader());
    }

}
