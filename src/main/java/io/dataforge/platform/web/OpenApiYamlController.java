package io.dataforge.platform.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The OpenAPI document as YAML beside its JSON: Camel renders YAML for a request that
 * accepts it, so this forwards to the document's own route asking for YAML.
 */
@Controller
class OpenApiYamlController {

    /** {@code camel.rest.api-context-path} in application.yml. */
    static final String JSON = "/docs/swagger/v1/swagger.json";

    @GetMapping("/docs/swagger/v1/swagger.yaml")
    void yaml(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        request.getRequestDispatcher(JSON).forward(new AcceptYaml(request), response);
    }

    private static final class AcceptYaml extends HttpServletRequestWrapper {

        AcceptYaml(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return "Accept".equalsIgnoreCase(name) ? "application/yaml" : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Accept".equalsIgnoreCase(name) ? Collections.enumeration(List.of("application/yaml"))
                    : super.getHeaders(name);
        }

    }

}
