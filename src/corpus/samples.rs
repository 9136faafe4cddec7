//! The bundled sample speeches, embedded at build time (see build.rs).

include!(concat!(env!("OUT_DIR"), "/samples.rs"));
