package id.kanal.store.console;

/** One transcript line; direction "in", "out" or "note". */
public record TranscriptLine(long seq, long at, String direction, String author, String body) {
}
