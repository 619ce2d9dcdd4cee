// Swagger UI on Data Forge's own document; replaces the webjar's initializer, which opens an example API
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/docs/swagger/v1/swagger.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout"
  });
};
