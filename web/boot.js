// Loads the app. A separate file rather than an inline script, so that the Content-Security-Policy
// can forbid inline scripts altogether.
import init from './tnl_web.js';
init();
