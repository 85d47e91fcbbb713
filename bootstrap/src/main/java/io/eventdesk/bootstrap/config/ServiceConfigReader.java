package io.eventdesk.bootstrap.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;

/** Reads {@code service} (absent: the defaults of {@link ServiceSettings}). */
final class ServiceConfigReader {
    private ServiceConfigReader() {}

    static ServiceSettings read(ConfigNode n, Path base) {
        ServiceSettings d = ServiceSettings.defaults();
        if (n.isMissing()) {
            return d;
        }
        n.object(
                "bind",
                "port",
                "token-env",
                "token-file",
                "source",
                "max-body-bytes",
                "max-feed-silence",
                "redis-url",
                "desk");
        String bind = n.get("bind").text(d.bind());
        long port = n.get("port").integer(d.port());
        if (port < 0 || port > 65535) {
            throw n.get("port").error("expected a port from 0 to 65535 (0: any free one), got " + port);
        }
        String tokenEnv = n.get("token-env").text(d.tokenEnv());
        if (!tokenEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw n.get("token-env").error("expected the name of an environment variable, got '" + tokenEnv + "'");
        }
        Path tokenFile = n.get("token-file").isMissing()
                ? null
                : base.resolve(n.get("token-file").text()).normalize();
        double speed = d.speed();
        ConfigNode source = n.get("source");
        if (!source.isMissing()) {
            source.object("type", "speed");
            source.get("type").choice("replay", "replay");
            BigDecimal s = source.get("speed").isMissing()
                    ? BigDecimal.ONE
                    : source.get("speed").positiveDecimal();
            if (s.compareTo(new BigDecimal("1000000")) > 0) {
                throw source.get("speed").error("expected at most 1000000 (times real time), got " + s.toPlainString());
            }
            speed = s.doubleValue();
        }
        long body = n.get("max-body-bytes").integer(d.maxBodyBytes());
        if (body < 1024 || body > 16 * 1024 * 1024) {
            throw n.get("max-body-bytes").error("expected 1024 to 16777216 bytes, got " + body);
        }
        Duration silence = d.maxFeedSilence();
        if (!n.get("max-feed-silence").isMissing()) {
            ConfigNode s = n.get("max-feed-silence");
            silence = ConfigNode.value(s, () -> Duration.parse(s.text()));
            if (silence.isNegative() || silence.isZero()) {
                throw s.error("must be a positive duration, got " + silence);
            }
        }
        String redis =
                n.get("redis-url").isMissing() ? null : n.get("redis-url").text();
        if (redis != null && !redis.startsWith("redis://") && !redis.startsWith("rediss://")) {
            throw n.get("redis-url").error("expected redis://host:port (or rediss:// for TLS), got '" + redis + "'");
        }
        String desk = n.get("desk").isMissing() ? null : n.get("desk").text();
        if (desk != null && !desk.matches("[A-Za-z0-9._-]{1,100}")) {
            throw n.get("desk").error("use 1-100 letters, digits, '.', '_' or '-', got '" + desk + "'");
        }
        return new ServiceSettings(bind, (int) port, tokenEnv, tokenFile, speed, (int) body, silence, redis, desk);
    }
}
