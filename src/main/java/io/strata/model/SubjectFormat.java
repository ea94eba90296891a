package io.strata.model;

/** SubjectFormat is what a subject's versions are written in: relational SQL (with a dialect) or a record format. */
public enum SubjectFormat {
    SQL(null),
    AVRO(RecordFormat.AVRO),
    JSON(RecordFormat.JSON),
    PROTOBUF(RecordFormat.PROTOBUF);

    private final RecordFormat record;

    SubjectFormat(RecordFormat record) {
        this.record = record;
    }

    /** The record format, or null for {@link #SQL}. */
    public RecordFormat record() {
        return record;
    }
}
