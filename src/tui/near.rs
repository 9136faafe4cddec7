//! Near-duplicates looked for on a thread of their own, so that the reader's keys never
//! wait for them; the answer comes back as `Action::NearFound`.

use crate::app::Action;
use crate::app::near::{COMMON, Found, MIN_PERCENT};
use crate::outline::Document;
use std::sync::Arc;
use std::sync::mpsc::Sender;

pub fn spawn(docs: Vec<Arc<Document>>, back: Sender<Action>) {
    std::thread::spawn(move || {
        // One worker: the other core stays with the event loop, so keys answer as fast
        // while a big library is compared.
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build();
        let find = || crate::similar::neighbours(&docs, MIN_PERCENT, COMMON);
        let found = match pool {
            Ok(p) => p.install(find),
            Err(_) => find(),
        };
        let _ = back.send(Action::NearFound(Box::new(Found(found))));
    });
}
