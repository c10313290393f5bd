// Starts govuk-frontend's components (service navigation toggle, error summary focus,
// notification banners, skip link) on every page. Loaded as an external module so the
// Content Security Policy needs no 'unsafe-inline'.
import { initAll } from "../govuk-frontend.min.js";

initAll();
