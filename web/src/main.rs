//! Entry point of the browser app; everything lives in the library so that tests can import it.

fn main() {
    tnl_web::start();
}
