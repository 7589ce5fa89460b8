/**
 * The columnar event archive on Cassandra (DESIGN.md 7, FiloDB-style).
 *
 * <h2>Layout</h2>
 * A dataset (one event kind) is partitioned by (dataset, shard, time bucket); shard =
 * {@code floorMod(event_id.hashCode(), shards)}, bucket = event time floored to the bucket length
 * (defaults: 4 shards, 1 hour). Within a partition, rows sorted by (event time, event id) are cut
 * into chunks of at most 1000 rows; each column of a chunk is one blob clustered by
 * (column_name, chunk_id), and chunk ids start with the chunk's min event time in hex, so one
 * column of a time range is one contiguous slice. See {@link io.nolambda.io.archive.ArchiveTables}
 * for the DDL ({@code archive_datasets}, {@code archive_partitions}, {@code archive_chunk_index},
 * {@code archive_chunks}).
 *
 * <h2>Encodings</h2>
 * {@link io.nolambda.io.archive.ColumnCodec}: Parquet's encoders (parquet-column 1.15.2) and zstd
 * (zstd-jni 1.5.7-6): DELTA_BINARY_PACKED for INT32/INT64, BYTE_STREAM_SPLIT for DOUBLE,
 * RLE_DICTIONARY or DELTA_BYTE_ARRAY for STRING, RLE bit width 1 for BOOLEAN and for the null
 * bitmap; per chunk the smallest after zstd of that and PLAIN is kept.
 *
 * <h2>Writes, commit, replays</h2>
 * {@link io.nolambda.io.archive.ArchiveIO#write()} (Beam Rows, or flat Avro records through
 * {@code ofAvro}) and {@link io.nolambda.io.archive.ArchiveWriter} (plain Java): partition index
 * row first, then all column blobs of a chunk, then its chunk-index row as the commit marker.
 * Deterministic chunk ids make identical replays overwrite; readers drop repeated event ids
 * within a partition, which covers replays that chunk differently.
 *
 * <h2>Reads</h2>
 * {@link io.nolambda.io.archive.ArchiveIO#read()} (a BoundedSource split by partition and sized
 * by the compressed bytes of the needed columns; rows timestamped with the event time) and
 * {@link io.nolambda.io.archive.ArchiveReader} (plain Java, for the {@code archive query} CLI;
 * {@link io.nolambda.io.archive.Filter#parse} reads command-line filters). Column pruning,
 * time-range and event-id pushdown, chunk skipping by per-column min/max and null counts.
 * Added nullable columns read as null from older chunks.
 */
package io.nolambda.io.archive;
