package io.dataforge.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The OpenAPI document as YAML beside its JSON, for tools that read YAML: the JSON is
 * rendered by Camel's own route (forwarded to in-process) and converted as it is.
 */
@Controller
class OpenApiYamlController {

    /** {@code camel.rest.api-context-path} in application.yml. */
    static final String JSON = "/docs/swagger/v1/swagger.json";

    private static final YAMLMapper YAML = new YAMLMapper();

    private final ObjectMapper json;

    OpenApiYamlController(ObjectMapper json) {
        this.json = json;
    }

    @GetMapping("/docs/swagger/v1/swagger.yaml")
    void yaml(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        ContentCachingResponseWrapper document = new ContentCachingResponseWrapper(response);
        request.getRequestDispatcher(JSON).forward(request, document);
        byte[] yaml = YAML.writeValueAsBytes(json.readTree(document.getContentAsByteArray()));
        response.resetBuffer();
        response.setStatus(200);
        response.setContentType(new MediaType("application", "yaml", StandardCharsets.UTF_8).toString());
        response.setContentLength(yaml.length);
        response.getOutputStream().write(yaml);
    }

}
