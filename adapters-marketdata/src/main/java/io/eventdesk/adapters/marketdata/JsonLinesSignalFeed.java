package io.eventdesk.adapters.marketdata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.port.SignalFeedPort;
import io.eventdesk.domain.signal.ExternalSignal;
import io.eventdesk.domain.signal.SignalContract;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads signals, one JSON object per line (blank lines and lines starting with {@code #} are skipped), streaming.
 * Every problem names the file, the line and the field. See {@link SignalFeeds} for the fields.
 */
final class JsonLinesSignalFeed implements SignalFeedPort {
    /** numbers kept exact: the contract never sees binary floating point */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private final String file;
    private final SignalContract contract;
    private final BufferedReader reader;
    private long line;
    private ExternalSignal next;
    private Instant last = Instant.MIN;

    JsonLinesSignalFeed(Path path, Map<InstrumentId, Instrument> instruments) {
        this.file = path.toString();
        TimeParser times = new TimeParser();
        this.contract = new SignalContract(instruments, times::parse);
        try {
            this.reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, 0, null, "file not found");
        } catch (IOException e) {
            throw new BadInputException(file, 0, null, "cannot read: " + e.getMessage());
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = read();
        }
        return next != null;
    }

    @Override
    public ExternalSignal next() {
        if (!hasNext()) {
            throw new NoSuchElementException(file + ": no more signals");
        }
        ExternalSignal s = next;
        next = null;
        return s;
    }

    private ExternalSignal read() {
        String text;
        try {
            do {
                text = reader.readLine();
                line++;
            } while (text != null && (text.isBlank() || text.stripLeading().startsWith("#")));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read", e);
        }
        if (text == null) {
            return null;
        }
        Object n;
        try {
            n = JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new BadInputException(file, line, null, "not a JSON object: " + e.getOriginalMessage());
        }
        if (!(n instanceof Map<?, ?> fields)) {
            throw new BadInputException(file, line, null, "expected one JSON object per line");
        }
        @SuppressWarnings("unchecked")
        ExternalSignal signal = contract.read((Map<String, ?>) fields, file, line);
        if (signal.time().isBefore(last)) {
            throw new BadInputException(
                    file,
                    line,
                    "time",
                    signal.time() + " is before the previous signal's " + last + " (signals must be in time order)");
        }
        last = signal.time();
        return signal;
    }

    @Override
    public String description() {
        return file;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
