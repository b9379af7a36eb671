package org.openretention.feedback.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the service's word lists from the class path: tab-separated rows, {@code #} comments and blank lines skipped. */
public final class WordLists {

    private WordLists() {
    }

    /** The rows of {@code path}, each with at least {@code fields} fields; a shorter row or a missing file is an error. */
    public static List<String[]> rows(String path, int fields) {
        InputStream in = WordLists.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is missing from the class path");
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] row = line.split("\t");
                if (row.length < fields) {
                    throw new IllegalStateException(path + " line " + number + ": expected " + fields + " tab-separated fields: " + line);
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
