package io.creditflow.cob;

/**
 * What one chunk of a step did.
 *
 * @param processed items handled
 * @param failed    items recorded in {@code cf_cob_loan_error} and skipped
 * @param skipped   items with nothing to do (already closed, already in collection, ...)
 * @param lastKey   the cursor after this chunk (the last loan number seen), unchanged when the chunk was empty
 * @param more      whether another chunk may follow
 * @param lastError the message of the last loan that failed in this chunk, or null
 */
public record ChunkResult(int processed, int failed, int skipped, String lastKey, boolean more, String lastError) {

  static ChunkResult nothing(String cursor) {
    return new ChunkResult(0, 0, 0, cursor, false, null);
  }
}
