-- Partitioning by entity (PartitionKey.ENTITY): the hash of the stream id without its category
-- (the part after the first '-', or the whole id when it has none), as Java's String.hashCode
-- computes it. New rows get it from the appender; existing rows are filled here by the same
-- function in SQL (over UTF-16 code units, so characters outside the BMP count as two, as in Java;
-- the database encoding must be UTF8, which ascii() then reads as code points).
CREATE FUNCTION ${schema}.java_string_hash(s text) RETURNS integer
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    h bigint := 0;
    c integer;
BEGIN
    FOR i IN 1 .. length(s) LOOP
        c := ascii(substr(s, i, 1));
        IF c > 65535 THEN
            h := (h * 31 + 55296 + ((c - 65536) >> 10)) % 4294967296;
            h := (h * 31 + 56320 + ((c - 65536) & 1023)) % 4294967296;
        ELSE
            h := (h * 31 + c) % 4294967296;
        END IF;
    END LOOP;
    IF h >= 2147483648 THEN
        h := h - 4294967296;
    END IF;
    RETURN h::integer;
END
$$;

ALTER TABLE ${schema}.events ADD COLUMN entity_hash integer;
UPDATE ${schema}.events SET entity_hash = ${schema}.java_string_hash(substr(stream_id, strpos(stream_id, '-') + 1));
ALTER TABLE ${schema}.events ALTER COLUMN entity_hash SET NOT NULL;
