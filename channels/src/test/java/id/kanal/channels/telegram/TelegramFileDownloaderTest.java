package id.kanal.channels.telegram;

import id.kanal.channels.media.FakeMediaServer;
import id.kanal.channels.media.MediaHttp;
import id.kanal.dialog.Media;
import id.kanal.dialog.port.MediaDownloadException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelegramFileDownloaderTest {
    private static final String TOKEN = "123456:telegram-test-token";
    private static final String FILE_ID = "AgACAgIAAxkBAAIBQ2abc";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};

    private final FakeMediaServer bot = new FakeMediaServer();
    private final TelegramFileDownloader downloader = new TelegramFileDownloader(bot.url(), TOKEN,
            new MediaHttp(Duration.ofSeconds(5)));

    @AfterEach
    void close() {
        bot.close();
    }

    private static Media photo(String fileId) {
        return new Media(TelegramUpdate.FILE_SCHEME + fileId, "image/jpeg");
    }

    @Test
    void download_asksGetFileForTheFileId_thenFetchesItsPath() throws Exception {
        bot.json("/bot" + TOKEN + "/getFile", 200, "{\"ok\":true,\"result\":{\"file_id\":\"" + FILE_ID
                + "\",\"file_unique_id\":\"u1\",\"file_size\":10,\"file_path\":\"photos/file_7.jpg\"}}");
        bot.file("/file/bot" + TOKEN + "/photos/file_7.jpg", "application/octet-stream", PNG);

        assertArrayEquals(PNG, downloader.download(photo(FILE_ID), 1000));

        assertEquals(Optional.of("file_id=" + FILE_ID), bot.requests("/bot" + TOKEN + "/getFile").getFirst().query());
        assertEquals(1, bot.requests("/file/bot" + TOKEN + "/photos/file_7.jpg").size());
    }

    @Test
    void download_aFileLargerThanTheCap_isRefusedBeforeItIsFetched() {
        bot.json("/bot" + TOKEN + "/getFile", 200,
                "{\"ok\":true,\"result\":{\"file_id\":\"x\",\"file_size\":5000000,\"file_path\":\"photos/big.jpg\"}}");
        MediaDownloadException e = assertThrows(MediaDownloadException.class, () -> downloader.download(photo("x"), 1024));
        assertTrue(e.permanent());
        assertEquals(1, bot.requests().size(), "only getFile was asked");
    }

    @Test
    void download_anUnknownFileId_isRefusedForGood_withoutTheTokenInTheMessage() {
        bot.json("/bot" + TOKEN + "/getFile", 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: invalid file_id\"}");
        MediaDownloadException e = assertThrows(MediaDownloadException.class, () -> downloader.download(photo("nope"), 1024));
        assertTrue(e.permanent());
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    }

    @Test
    void download_anOddFilePath_isNotFollowed() {
        bot.json("/bot" + TOKEN + "/getFile", 200,
                "{\"ok\":true,\"result\":{\"file_id\":\"x\",\"file_size\":10,\"file_path\":\"../../etc/passwd\"}}");
        MediaDownloadException e = assertThrows(MediaDownloadException.class, () -> downloader.download(photo("x"), 1024));
        assertTrue(e.permanent());
        assertEquals(1, bot.requests().size());
    }

    @Test
    void handles_onlyTelegramFileReferences() {
        assertTrue(downloader.handles(photo(FILE_ID)));
        assertFalse(downloader.handles(new Media("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1",
                "image/jpeg")));
    }
}
