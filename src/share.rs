//! Share links: the whole portfolio, compressed, in the URL fragment (`#p=…`). Browsers never
//! send the fragment to a server, so a link carries the scenario without storing it anywhere.
//!
//! Compression uses the browser's own `CompressionStream` (raw deflate), which costs the
//! download nothing; the base64url framing and the portfolio parsing are plain Rust.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use engine::format::{parse_portfolio, to_json, FileError};
use engine::limits::{Limit, MAX_FILE_BYTES};
use engine::Portfolio;

/// The fragment prefix of a share link.
pub const PREFIX: &str = "#p=";

/// Longest link data, characters: base64 of a compressed portfolio is never longer than the
/// largest portfolio itself (JSON deflates to well under three quarters of its size).
pub const MAX_FRAGMENT_CHARS: usize = MAX_FILE_BYTES;

/// Why a share link could not be opened.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LinkError {
    /// The fragment is not base64url.
    #[error("the link is incomplete or damaged")]
    NotBase64,
    /// The data does not decompress.
    #[error("the link's data is damaged")]
    NotDeflate,
    /// The link, or what it decompresses to, is past a limit: refused before it is read in
    /// full (a decompression bomb stops at the limit).
    #[error("the portfolio is too large for this app: {0}")]
    TooLarge(Limit),
    /// It decompresses to something that is not a portfolio.
    #[error("{0}")]
    NotPortfolio(#[from] FileError),
}

/// The compressed bytes a fragment carries; `None` when the fragment is no share link.
pub fn fragment_bytes(fragment: &str) -> Option<Result<Vec<u8>, LinkError>> {
    let data = fragment.strip_prefix(PREFIX)?;
    if data.len() > MAX_FRAGMENT_CHARS {
        return Some(Err(LinkError::TooLarge(Limit::Bytes)));
    }
    Some(URL_SAFE_NO_PAD.decode(data.trim()).map_err(|_| LinkError::NotBase64))
}

/// The fragment carrying compressed bytes.
pub fn fragment_of(compressed: &[u8]) -> String {
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(compressed))
}

/// The portfolio in decompressed link data.
pub fn portfolio_of(json: &[u8]) -> Result<Portfolio, LinkError> {
    let text = std::str::from_utf8(json).map_err(|_| LinkError::NotDeflate)?;
    Ok(parse_portfolio(text)?)
}

/// The browser could not compress (no `CompressionStream`, or it refused).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoCompression;

/// The fragment (with its `#p=` prefix) that carries `portfolio`.
pub async fn encode(portfolio: &Portfolio) -> Result<String, NoCompression> {
    let compressed = js::deflate(to_json(portfolio).as_bytes()).await.ok_or(NoCompression)?;
    Ok(fragment_of(&compressed))
}

/// Reads a fragment made by [`encode`]; `None` when the fragment is not a share link at all.
pub async fn decode(fragment: &str) -> Option<Result<Portfolio, LinkError>> {
    let compressed = match fragment_bytes(fragment)? {
        Ok(bytes) => bytes,
        Err(e) => return Some(Err(e)),
    };
    Some(match js::inflate(&compressed, MAX_FILE_BYTES).await {
        Ok(json) => portfolio_of(&json),
        Err(js::Inflate::TooLarge) => Err(LinkError::TooLarge(Limit::Bytes)),
        Err(js::Inflate::Damaged) => Err(LinkError::NotDeflate),
    })
}

/// Raw deflate with the browser's compression streams.
mod js {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(inline_js = r#"
export async function deflateRaw(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
export async function inflateRaw(bytes, limit) {
  // Fed in pieces of 1 KB, each awaited: deflate expands a piece at most about 1,032 times, so
  // memory stays within the limit plus about a megabyte, whatever the link holds.
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const feed = (async () => {
    for (let at = 0; at < bytes.length; at += 1024) await writer.write(bytes.subarray(at, at + 1024));
    await writer.close();
  })();
  feed.catch(() => {});
  const chunks = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > limit) throw new RangeError("too large");
      chunks.push(value);
    }
    await feed;
  } catch (e) {
    reader.cancel().catch(() => {});
    writer.abort().catch(() => {});
    throw e;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) { out.set(chunk, at); at += chunk.length; }
  return out;
}
"#)]
    extern "C" {
        #[wasm_bindgen(catch, js_name = deflateRaw)]
        async fn deflate_raw(bytes: &[u8]) -> Result<JsValue, JsValue>;
        #[wasm_bindgen(catch, js_name = inflateRaw)]
        async fn inflate_raw(bytes: &[u8], limit: f64) -> Result<JsValue, JsValue>;
    }

    fn bytes(value: JsValue) -> Vec<u8> {
        js_sys::Uint8Array::new(&value).to_vec()
    }

    pub async fn deflate(data: &[u8]) -> Option<Vec<u8>> {
        deflate_raw(data).await.map(bytes).ok()
    }

    /// Why data did not inflate.
    pub enum Inflate {
        /// It inflates past the limit.
        TooLarge,
        /// It is not raw deflate.
        Damaged,
    }

    pub async fn inflate(data: &[u8], limit: usize) -> Result<Vec<u8>, Inflate> {
        inflate_raw(data, limit as f64).await.map(bytes).map_err(|e| {
            if e.is_instance_of::<js_sys::RangeError>() {
                Inflate::TooLarge
            } else {
                Inflate::Damaged
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_bytes_and_ignores_other_fragments() {
        assert_eq!(fragment_bytes("#section-2"), None);
        assert_eq!(fragment_bytes("#p=not*base64"), Some(Err(LinkError::NotBase64)));
        assert_eq!(fragment_bytes(&fragment_of(&[1, 2, 250])), Some(Ok(vec![1, 2, 250])));
        let too_long = format!("{PREFIX}{}", "A".repeat(MAX_FRAGMENT_CHARS + 1));
        assert_eq!(fragment_bytes(&too_long), Some(Err(LinkError::TooLarge(Limit::Bytes))));
    }

    #[test]
    fn reads_portfolios_and_refuses_other_json() {
        let p = Portfolio::default();
        assert_eq!(portfolio_of(to_json(&p).as_bytes()), Ok(p));
        assert!(matches!(portfolio_of(b"{\"hello\": 1}"), Err(LinkError::NotPortfolio(_))));
        assert_eq!(portfolio_of(&[0xff, 0xfe]), Err(LinkError::NotDeflate));
    }
}
