package id.kanal.channels.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kanal.channels.media.MediaHttp;
import id.kanal.dialog.Media;
import id.kanal.dialog.port.MediaDownloadException;
import id.kanal.dialog.port.MediaDownloader;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Downloads a photo a resident sent to the bot: {@code getFile} with the {@code file_id} Kanal
 * kept ({@link TelegramUpdate#FILE_SCHEME}), then the file from
 * {@code <api>/file/bot<token>/<file_path>} (https://core.telegram.org/bots/api#getfile; bots may
 * download files up to 20 MB, and the link lasts at least an hour, so it is asked for each time).
 * Both URLs hold the bot token: neither is stored, logged or put in an error message.
 */
final class TelegramFileDownloader implements MediaDownloader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WHAT = "Telegram file";
    /** A getFile answer is a few hundred bytes. */
    private static final long MAX_ANSWER_BYTES = 64 * 1024;
    /** Telegram's paths look like {@code photos/file_12.jpg}; anything else is not followed. */
    private static final Pattern FILE_PATH = Pattern.compile("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-][A-Za-z0-9_.\\-]*)*");

    private final String base;
    private final String token;
    private final MediaHttp http;
    private final BotScope scope;

    TelegramFileDownloader(URI apiUrl, String token, MediaHttp http) {
        this(apiUrl, token, http, BotScope.UNNAMED);
    }

    /** The downloader of one bot: only that bot's file references, asked for with that bot's token. */
    TelegramFileDownloader(URI apiUrl, String token, MediaHttp http, BotScope scope) {
        this.scope = scope;
        String s = apiUrl.toString();
        this.base = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        this.token = token;
        this.http = http;
    }

    @Override
    public boolean handles(Media media) {
        return media.url().startsWith(TelegramUpdate.FILE_SCHEME)
                && media.url().length() > TelegramUpdate.FILE_SCHEME.length()
                && scope.fileIdOf(media.url().substring(TelegramUpdate.FILE_SCHEME.length())).isPresent();
    }

    @Override
    public byte[] download(Media media, long maxBytes) throws MediaDownloadException {
        if (!handles(media)) {
            throw MediaDownloadException.refused(WHAT + ": not a Telegram file reference");
        }
        String fileId = scope.fileIdOf(media.url().substring(TelegramUpdate.FILE_SCHEME.length())).orElseThrow();
        JsonNode answer = getFile(fileId);
        JsonNode file = answer.path("result");
        if (!answer.path("ok").asBoolean(false) || !file.path("file_path").isTextual()) {
            throw MediaDownloadException.refused(WHAT + ": getFile gave no file_path");
        }
        if (file.path("file_size").asLong(0) > maxBytes) {
            throw MediaHttp.tooLarge(WHAT, maxBytes);
        }
        String path = file.path("file_path").asText();
        if (!FILE_PATH.matcher(path).matches()) {
            throw MediaDownloadException.refused(WHAT + ": getFile gave an unexpected file_path");
        }
        return http.get(URI.create(base + "/file/bot" + token + "/" + path), Optional.empty(), maxBytes, WHAT);
    }

    private JsonNode getFile(String fileId) throws MediaDownloadException {
        URI url = URI.create(base + "/bot" + token + "/getFile?file_id=" + URLEncoder.encode(fileId, StandardCharsets.UTF_8));
        byte[] body = http.get(url, Optional.empty(), MAX_ANSWER_BYTES, WHAT + " (getFile)");
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw MediaDownloadException.transientFailure(WHAT + ": getFile answered something other than JSON");
        }
    }

    @Override
    public String toString() {
        return "TelegramFileDownloader[" + base + "]";
    }
}
