// The API's documentation page: Swagger UI, vendored, over the app's own OpenAPI description.
// Kept out of docs.html so that the page runs under the same Content-Security-Policy as the
// dashboard (no inline script).
"use strict";

SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  layout: "BaseLayout",
  deepLinking: true,
  showExtensions: true,
  showCommonExtensions: true,
  // The default posts the description to swagger.io's validator for a badge: no request may
  // leave the machine.
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
});
