-- Documents and their labels. gen_random_uuid() is built into PostgreSQL 13+.
CREATE TABLE documents (
    id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    filename     text        NOT NULL CHECK (char_length(filename) BETWEEN 1 AND 255),
    status       text        NOT NULL DEFAULT 'pending'
                 CONSTRAINT documents_status_check
                 CHECK (status IN ('pending', 'processing', 'processed', 'failed')),
    fields       jsonb       NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(fields) = 'object'),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    -- Set for uploaded documents (the inference endpoint); NULL for documents created as JSON.
    sha256       text        CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    page_count   integer     CHECK (page_count >= 0),
    content_type text
);

-- One document per uploaded file content; many documents without one.
CREATE UNIQUE INDEX documents_sha256_key ON documents (sha256) WHERE sha256 IS NOT NULL;

CREATE TABLE document_labels (
    document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    label       text NOT NULL CHECK (char_length(label) BETWEEN 1 AND 64),
    PRIMARY KEY (document_id, label)
);

-- List queries: every sort tie-breaks on id; the status filter with the default sort; the
-- label filter (the primary key already covers lookups by document_id).
CREATE INDEX documents_created_at_id_idx ON documents (created_at, id);
CREATE INDEX documents_updated_at_id_idx ON documents (updated_at, id);
CREATE INDEX documents_filename_id_idx ON documents (filename, id);
CREATE INDEX documents_status_created_at_id_idx ON documents (status, created_at, id);
CREATE INDEX document_labels_label_idx ON document_labels (label, document_id);
