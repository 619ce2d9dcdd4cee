package io.dataforge.platform.web;

import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Short client-facing messages for Spring MVC's exceptions; never a class name or a stack
 * trace.
 */
final class MvcMessages {

    private MvcMessages() {
    }

    static String of(Exception e) {
        if (e instanceof NoHandlerFoundException nh) {
            return "No such resource: " + nh.getHttpMethod() + " " + nh.getRequestURL();
        }
        if (e instanceof NoResourceFoundException nr) {
            return "No such resource: /" + nr.getResourcePath();
        }
        if (e instanceof HttpRequestMethodNotSupportedException m) {
            return "Method " + m.getMethod() + " is not supported here; allowed: " + m.getSupportedHttpMethods();
        }
        if (e instanceof HttpMediaTypeNotSupportedException m) {
            return "Content type " + m.getContentType() + " is not supported; use one of " + m.getSupportedMediaTypes();
        }
        if (e instanceof HttpMediaTypeNotAcceptableException m) {
            return "Cannot produce an acceptable representation; available: " + m.getSupportedMediaTypes();
        }
        if (e instanceof HttpMessageNotReadableException) {
            return "Malformed request body";
        }
        return e.getMessage();
    }

}
