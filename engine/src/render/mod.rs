//! Report renderers shared by the command line and the browser app.
