/**
 * Importers of the real data files (shared/data) into events: one small importer per source, a
 * common {@link io.nolambda.io.importers.EventImporter} interface and a registry, {@link
 * io.nolambda.io.importers.Importers}, by dataset name.
 *
 * <p>Contract of every importer:
 *
 * <ul>
 *   <li>Rows are parsed with Apache Commons CSV (RFC 4180, header line required); gzip is detected
 *       by its magic bytes; the GTFS feed is read from its zip.
 *   <li>Every data row is either accepted (one or more events) or rejected with its line number
 *       (1-based, the header is line 1; the line where a multi-line row starts) and a reason
 *       naming the column. Nothing is skipped silently: rows read = accepted + rejected. A file
 *       whose header lacks a needed column is refused as a whole (IOException).
 *   <li>Events come in file order (the sources are not time-sorted; the pipelines work in event
 *       time). Rows stream: {@link io.nolambda.io.importers.EventImporter#rows} holds one row at
 *       a time.
 *   <li>{@code event_id} is derived from the row's content, so importing the same data again
 *       gives the same ids; {@code event_time} is epoch millis UTC.
 * </ul>
 *
 * Event ids: {@code wmata:<vehicle>:<epoch s>} (BusPosition), {@code parking:<place>:<epoch ms>}
 * (ParkingEvent), {@code 311:<unique key>:OPENED|CLOSED} (CityIncident), {@code weblog:<hash of
 * the row>[#n]} (AssetEvent). The per-source choices (time zones, status codes, the os and region
 * classifications, CLOSED events) are documented on each importer.
 */
package io.nolambda.io.importers;
