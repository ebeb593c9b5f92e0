//! Database files in and out of Turso, as turso-cli moves them: the check
//! of a SQLite file before it is uploaded, the steps on a database's own
//! server, and the two [`Workflow`]s made of them, `databases.upload` and
//! `databases.export`. None of this is in the published description; its
//! wire is turso-cli's (`internal/turso/tursoServer.go` and
//! `internal/turso/databases.go`, `Create` and `UploadDatabaseAWS`, at
//! e149f69) and the docs' `api-reference/databases/upload.mdx`.

use std::num::NonZeroU64;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::databases::Cipher;
use crate::error::Error;
use crate::operation::{
    AnswerAt, Base, BodyFields, Input, Method, NoBody, Operation, Param, Spec, Validate, Visitor,
    Workflow,
};
use crate::validate;

/// The largest file turso-cli uploads (`internal/cmd/group_flag.go`,
/// `MaxAWSDBSizeBytes`, at e149f69).
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024 * 1024;

/// The page size Turso takes.
pub const PAGE_SIZE: u32 = 4096;

/// How many bytes of a file's start [`check_file`] reads: SQLite's header.
pub const HEADER_BYTES: usize = 100;

const MAGIC: &[u8] = b"SQLite format 3\0";

/// The bytes each page keeps back for a cipher's nonce and tag, as the
/// docs' table gives them (`api-reference/databases/upload.mdx`).
pub fn reserved_bytes(cipher: Cipher) -> u8 {
    match cipher {
        Cipher::Aes256gcm | Cipher::Aes128gcm | Cipher::Chacha20poly1305 => 28,
        Cipher::Aegis128l | Cipher::Aegis128x2 | Cipher::Aegis128x4 => 32,
        Cipher::Aegis256 | Cipher::Aegis256x2 | Cipher::Aegis256x4 => 48,
    }
}

/// Checks that a file of `size` bytes that starts with `header` is one
/// Turso takes: a SQLite database in WAL mode with 4096-byte pages, no
/// auto-vacuum, UTF-8 text, as many reserved bytes a page as `cipher`
/// needs, and as long as its header says. The error names `data` and says
/// how to fix the file, as turso-cli does.
pub fn check_file(header: &[u8], size: u64, cipher: Option<Cipher>) -> Result<(), Error> {
    let refuse = |why: String| Err(Error::invalid("data", format!("data {why}")));
    if !header.starts_with(MAGIC) || header.len() < HEADER_BYTES {
        // turso-cli's `checkIfDump` looks for the first line of `.dump`.
        return refuse(
            if header.starts_with(b"PRAGMA") || header.starts_with(b"BEGIN") {
                "is SQL text, such as sqlite3's `.dump` writes; upload the database file itself"
                    .to_owned()
            } else {
                format!("is not a SQLite database file: it does not start with \"SQLite format 3\" ({size} bytes)")
            },
        );
    }
    let byte = |at: usize| header.get(at).copied().unwrap_or_default();
    let word = |at: usize| {
        header
            .get(at..)
            .and_then(|rest| rest.get(..4))
            .and_then(|bytes| <[u8; 4]>::try_from(bytes).ok())
            .map_or(0, u32::from_be_bytes)
    };
    // 1 stands for 65536, which does not fit the header's two bytes.
    let page_size = match u32::from(u16::from_be_bytes([byte(16), byte(17)])) {
        1 => 65_536,
        other => other,
    };
    if page_size != PAGE_SIZE {
        return refuse(format!(
            "has a page size of {page_size}; Turso needs {PAGE_SIZE}: run `PRAGMA journal_mode = DELETE; PRAGMA page_size = 4096; VACUUM; PRAGMA journal_mode = WAL;` on it"
        ));
    }
    if (byte(18), byte(19)) != (2, 2) {
        return refuse(
            "is not in WAL mode; Turso needs it: run `PRAGMA journal_mode = WAL;` on it".to_owned(),
        );
    }
    // Non-zero where auto-vacuum or incremental vacuum is on.
    if word(52) != 0 {
        return refuse(
            "has auto-vacuum on; Turso needs it off: run `PRAGMA auto_vacuum = 0; VACUUM;` on it"
                .to_owned(),
        );
    }
    // 0 until the first table is made, when SQLite sets it.
    if !matches!(word(56), 0 | 1) {
        return refuse(format!(
            "has text encoding {} (UTF-16); Turso needs UTF-8: copy it into a database made with `PRAGMA encoding = 'UTF-8'`",
            word(56)
        ));
    }
    let reserved = byte(20);
    let needed = cipher.map_or(0, reserved_bytes);
    if reserved != needed {
        let wanted = match cipher {
            Some(cipher) => format!(
                "remote_encryption's cipher {} needs {needed}",
                serde_name(cipher)
            ),
            None => "a database without remote_encryption needs 0".to_owned(),
        };
        return refuse(format!(
            "keeps {reserved} reserved bytes a page; {wanted}: in sqlite3, run `.filectrl reserve_bytes {needed}` and `VACUUM;`"
        ));
    }
    if size > MAX_FILE_BYTES {
        return refuse(format!(
            "is {size} bytes; Turso takes a file of at most {MAX_FILE_BYTES} bytes (20 GiB)"
        ));
    }
    // The page count is valid where the change counter matches the
    // version it was written at.
    let pages = u64::from(word(28));
    let declared = pages.saturating_mul(u64::from(PAGE_SIZE));
    if size.checked_rem(u64::from(PAGE_SIZE)) != Some(0)
        || (word(92) == word(24) && declared != size)
    {
        return refuse(format!(
            "is {size} bytes, but its header says {pages} pages of {PAGE_SIZE}: the file is cut short or still has changes in its -wal file; run `PRAGMA wal_checkpoint(TRUNCATE);` on it and copy it again"
        ));
    }
    Ok(())
}

/// A cipher as the wire names it.
fn serde_name(cipher: Cipher) -> String {
    format!("{cipher:?}").to_ascii_lowercase()
}

/// The body of a database server's `PUT /v2/upload/start`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UploadSize {
    pub db_size_bytes: u64,
}

impl Validate for UploadSize {}

/// A started upload: where its chunks go, and how large each must be.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StartedUpload {
    pub upload_id: String,
    /// The bytes of every chunk but the last; never 0, which would have
    /// the upload go round for ever.
    pub chunk_size: NonZeroU64,
}

/// What a database server says of its data (`GET /info`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DatabaseInfo {
    /// The generation whose file `GET /export/{generation}` gives.
    pub current_generation: u64,
}

const UPLOAD_ID: Param = Param::path("uploadId", "upload_id", validate::segment);
const ENCRYPTION_KEY: Param = Param::header(
    "x-turso-encryption-key",
    "encryption_key",
    validate::header_value,
);
const ENCRYPTION_CIPHER: Param = Param::header(
    "x-turso-encryption-cipher",
    "encryption_cipher",
    validate::header_value,
);

/// `PUT https://{hostname}/v2/upload/start` with the file's size
/// (`startMultipartUpload`).
pub struct StartUpload;
impl Operation for StartUpload {
    const DOC: &'static str = "Starts an upload on a database's server.";
    const SPEC: Spec = Spec {
        body: BodyFields::Required(&["db_size_bytes"]),
        base: Base::Database,
        ..Spec::new(
            "startDatabaseUpload",
            "databases.upload",
            Method::Put,
            "/v2/upload/start",
        )
    };
    type Body = UploadSize;
    type Answer = StartedUpload;
}

/// `PUT https://{hostname}/v2/upload/{id}/chunk/{n}` with one chunk's
/// bytes, and the encryption headers when the database has a key
/// (`uploadChunks`). Chunks count from 0.
pub struct UploadChunk;
impl Operation for UploadChunk {
    const DOC: &'static str = "Uploads one chunk of a file, counting from 0.";
    const SPEC: Spec = Spec {
        params: &[
            UPLOAD_ID,
            Param::path("chunkNumber", "chunk", validate::any).taking(Input::Integer),
            ENCRYPTION_KEY,
            ENCRYPTION_CIPHER,
        ],
        body: BodyFields::Bytes("bytes"),
        answer: AnswerAt::Nothing,
        base: Base::Database,
        ..Spec::new(
            "uploadDatabaseChunk",
            "databases.upload",
            Method::Put,
            "/v2/upload/{uploadId}/chunk/{chunkNumber}",
        )
    };
    type Body = NoBody;
    type Answer = ();
}

/// `PUT https://{hostname}/v2/upload/{id}/finalize` (`finalizeUpload`):
/// the server then checks the file and makes the database live.
pub struct FinalizeUpload;
impl Operation for FinalizeUpload {
    const DOC: &'static str = "Ends an upload, once every chunk is in.";
    const SPEC: Spec = Spec {
        params: &[UPLOAD_ID],
        answer: AnswerAt::Nothing,
        base: Base::Database,
        ..Spec::new(
            "finalizeDatabaseUpload",
            "databases.upload",
            Method::Put,
            "/v2/upload/{uploadId}/finalize",
        )
    };
    type Body = NoBody;
    type Answer = ();
}

/// `GET https://{hostname}/info` (`Export`).
pub struct GetInfo;
impl Operation for GetInfo {
    const DOC: &'static str = "Gets the generation a database's server holds.";
    const SPEC: Spec = Spec {
        params: &[ENCRYPTION_KEY],
        base: Base::Database,
        ..Spec::new("getDatabaseInfo", "databases.export", Method::Get, "/info")
    };
    type Body = NoBody;
    type Answer = DatabaseInfo;
}

/// `GET https://{hostname}/export/{generation}` (`Export`): the file, as a
/// stream.
pub struct ExportGeneration;
impl Operation for ExportGeneration {
    const DOC: &'static str = "Gets a database's file at a generation, as a stream.";
    const SPEC: Spec = Spec {
        params: &[
            Param::path("generation", "generation", validate::any).taking(Input::Integer),
            ENCRYPTION_KEY,
        ],
        answer: AnswerAt::Stream,
        base: Base::Database,
        ..Spec::new(
            "exportDatabase",
            "databases.export",
            Method::Get,
            "/export/{generation}",
        )
    };
    type Body = NoBody;
    type Answer = ();
}

/// `databases.upload(name, data, { group, … })`, written in `client.js`.
pub const UPLOAD: Workflow = Workflow {
    call: "databases.upload",
    doc: "Creates a database from a SQLite file, as turso-cli does: the file is checked before anything is sent, uploaded a chunk at a time with a fresh 5-minute token each, and the database is deleted again if the upload fails or is aborted.",
    args: &[("name", "string"), ("data", "Uint8Array | ArrayBuffer | Blob")],
    options: &[
        ("group", "string"),
        ("use_tursodb?", "boolean | null"),
        ("remote_encryption?", "RemoteEncryption | null"),
        (
            "onProgress?",
            "((progress: { uploadedBytes: number; totalBytes: number }) => void) | null",
        ),
    ],
    callbacks: &["onProgress"],
    resolves_to: "CreatedDatabase",
    steps: &[
        "createDatabase",
        "createDatabaseToken",
        "startDatabaseUpload",
        "uploadDatabaseChunk",
        "finalizeDatabaseUpload",
        "deleteDatabase",
    ],
};

/// `databases.export(name, { encryption_key? })`, written in `client.js`.
pub const EXPORT: Workflow = Workflow {
    call: "databases.export",
    doc: "Gives a database's file as a stream of bytes, read from its server as turso-cli does (`GET /info`, then `GET /export/{generation}`); the call's `signal` also stops the stream.",
    args: &[("name", "string")],
    options: &[("encryption_key?", "string | null")],
    callbacks: &[],
    resolves_to: "ReadableStream<Uint8Array>",
    steps: &[
        "getDatabase",
        "createDatabaseToken",
        "getDatabaseInfo",
        "exportDatabase",
    ],
};

/// The workflows, in the order the boundary numbers them.
pub const WORKFLOWS: &[&Workflow] = &[&UPLOAD, &EXPORT];

/// Every step on a database's server.
pub fn operations(visitor: &mut impl Visitor) {
    visitor.visit::<StartUpload>();
    visitor.visit::<UploadChunk>();
    visitor.visit::<FinalizeUpload>();
    visitor.visit::<GetInfo>();
    visitor.visit::<ExportGeneration>();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A header as SQLite writes it for a WAL database of `pages` pages.
    fn header(pages: u32) -> Vec<u8> {
        let mut header = vec![0; HEADER_BYTES];
        header[..16].copy_from_slice(MAGIC);
        header[16..18].copy_from_slice(&4096u16.to_be_bytes());
        header[18] = 2;
        header[19] = 2;
        header[24..28].copy_from_slice(&7u32.to_be_bytes());
        header[28..32].copy_from_slice(&pages.to_be_bytes());
        header[56..60].copy_from_slice(&1u32.to_be_bytes());
        header[92..96].copy_from_slice(&7u32.to_be_bytes());
        header
    }

    fn refusal(header: &[u8], size: u64, cipher: Option<Cipher>) -> String {
        let error = check_file(header, size, cipher).expect_err("refused");
        assert_eq!(error.field(), Some("data"));
        error.message()
    }

    #[test]
    fn a_wal_database_of_4096_byte_pages_is_taken() {
        assert_eq!(check_file(&header(3), 3 * 4096, None), Ok(()));
        let mut encrypted = header(1);
        encrypted[20] = 48;
        assert_eq!(check_file(&encrypted, 4096, Some(Cipher::Aegis256)), Ok(()));
    }

    #[test]
    fn each_requirement_is_named_with_its_fix() {
        let with = |at: usize, bytes: &[u8]| {
            let mut changed = header(1);
            changed[at..at + bytes.len()].copy_from_slice(bytes);
            refusal(&changed, 4096, None)
        };
        assert!(with(16, &1024u16.to_be_bytes()).contains("page size of 1024; Turso needs 4096"));
        assert!(with(16, &1u16.to_be_bytes()).contains("page size of 65536"));
        assert!(with(18, &[1, 1]).contains("not in WAL mode"));
        assert!(with(52, &1u32.to_be_bytes()).contains("auto-vacuum on"));
        assert!(with(56, &2u32.to_be_bytes()).contains("UTF-16"));
        assert!(with(20, &[28]).contains(
            "keeps 28 reserved bytes a page; a database without remote_encryption needs 0"
        ));
        let message = refusal(&header(1), 4096, Some(Cipher::Aes256gcm));
        assert!(message.contains("cipher aes256gcm needs 28"), "{message}");
    }

    #[test]
    fn what_is_no_database_file_is_refused() {
        assert!(refusal(b"PRAGMA foreign_keys=OFF;\nBEGIN", 30, None).contains("SQL text"));
        assert!(refusal(b"hello", 5, None).contains("not a SQLite database file"));
        assert!(refusal(&header(1)[..50], 50, None).contains("not a SQLite database file"));
    }

    #[test]
    fn a_file_shorter_than_its_header_says_is_refused() {
        assert!(refusal(&header(3), 2 * 4096, None).contains("header says 3 pages"));
        assert!(refusal(&header(1), 4096 + 10, None).contains("cut short"));
        // A stale page count (the change counter moved on) is not trusted.
        let mut stale = header(3);
        stale[92..96].copy_from_slice(&6u32.to_be_bytes());
        assert_eq!(check_file(&stale, 2 * 4096, None), Ok(()));
        assert!(refusal(&header(1), MAX_FILE_BYTES + 4096, None).contains("at most"));
    }

    #[test]
    fn reserved_bytes_follow_the_docs_table() {
        for (cipher, bytes) in [
            (Cipher::Aes128gcm, 28),
            (Cipher::Chacha20poly1305, 28),
            (Cipher::Aegis128x4, 32),
            (Cipher::Aegis256x2, 48),
        ] {
            assert_eq!(reserved_bytes(cipher), bytes, "{cipher:?}");
        }
        assert_eq!(serde_name(Cipher::Chacha20poly1305), "chacha20poly1305");
    }
}
