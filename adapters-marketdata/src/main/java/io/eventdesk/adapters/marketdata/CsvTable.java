package io.eventdesk.adapters.marketdata;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.eventdesk.domain.error.BadInputException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * A delimited text file with a header line: gzip-compressed or not (told by its first bytes, not its name), fields
 * separated by a comma, a semicolon or a tab (the one the header line uses most). Streams its rows with their line
 * numbers.
 */
final class CsvTable implements AutoCloseable {
    private final String file;
    private final boolean gzip;
    private final char delimiter;
    private final CsvReader<CsvRecord> csv;
    private final Iterator<CsvRecord> records;
    private final List<String> header;
    private final long headerLine;

    CsvTable(Path path) {
        this.file = path.toString();
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, 0, null, "file not found");
        } catch (IOException e) {
            throw new BadInputException(file, 0, null, "cannot read: " + e.getMessage());
        }
        try {
            in.mark(2);
            int b1 = in.read();
            int b2 = in.read();
            in.reset();
            gzip = b1 == 0x1f && b2 == 0x8b;
            if (gzip) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            reader.mark(1 << 15);
            String first = reader.readLine();
            reader.reset();
            if (first == null) {
                throw new BadInputException(file, 1, "header", "the file is empty; expected a header line");
            }
            delimiter = delimiterOf(first);
            csv = CsvReader.builder()
                    .fieldSeparator(delimiter)
                    .skipEmptyLines(true)
                    .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .ofCsvRecord(reader);
        } catch (IOException e) {
            closeQuietly(in);
            throw new BadInputException(file, 0, null, "cannot read: " + e.getMessage());
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
        records = csv.iterator();
        CsvRecord h = next();
        if (h == null) {
            throw new BadInputException(file, 1, "header", "the file is empty; expected a header line");
        }
        header = h.getFields().stream()
                .map(f -> f.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT))
                .toList();
        headerLine = h.getStartingLineNumber();
        for (int i = 0; i < header.size(); i++) {
            int again = header.subList(i + 1, header.size()).indexOf(header.get(i));
            if (!header.get(i).isEmpty() && again >= 0) {
                throw new BadInputException(
                        file,
                        headerLine,
                        "header",
                        "column '" + header.get(i) + "' appears twice (columns " + (i + 1) + " and " + (i + 2 + again)
                                + "): which one holds the data cannot be told; rename or remove one");
            }
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the first error is the one reported
        }
    }

    /** The separator the header line uses most: comma, semicolon or tab. */
    static char delimiterOf(String headerLine) {
        char best = ',';
        long most = headerLine.chars().filter(c -> c == ',').count();
        for (char c : new char[] {';', '\t'}) {
            long n = headerLine.chars().filter(x -> x == c).count();
            if (n > most) {
                most = n;
                best = c;
            }
        }
        return best;
    }

    /** The next record, or null at the end. */
    CsvRecord next() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (CsvParseException e) {
            throw located(e);
        } catch (UncheckedIOException e) {
            throw new BadInputException(file, 0, null, "cannot read: " + e.getMessage());
        }
    }

    /** The CSV library's complaint as one located line: the line it names, and what the limit or problem is. */
    private BadInputException located(CsvParseException e) {
        String m = String.valueOf(e.getMessage());
        java.util.regex.Matcher at =
                java.util.regex.Pattern.compile("line (\\d+)").matcher(m);
        long line = at.find() ? Long.parseLong(at.group(1)) : 0;
        if (m.contains("maximum buffer size") || m.contains("Mark invalid")) {
            return new BadInputException(
                    file,
                    line,
                    null,
                    "a field is longer than 16 MiB, the most a field may hold (an unclosed quote, or not a table of"
                            + " market data?)");
        }
        return new BadInputException(
                file, line, null, "malformed CSV: " + m.lines().findFirst().orElse(m));
    }

    String file() {
        return file;
    }

    /** The header's column names, trimmed and lower-cased. */
    List<String> header() {
        return header;
    }

    long headerLine() {
        return headerLine;
    }

    boolean gzip() {
        return gzip;
    }

    char delimiter() {
        return delimiter;
    }

    @Override
    public void close() {
        try {
            csv.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
