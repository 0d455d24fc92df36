package org.stormdesk.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message the server says exists in Simplified Chinese, English and Traditional Chinese. */
class MessagesTest {

    static Set<Object> keys(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p.keySet();
    }

    @Test
    void theThreeLanguagesHoldTheSameKeys() throws IOException {
        Set<Object> en = keys("i18n/messages.properties");
        assertThat(keys("i18n/messages_zh_CN.properties")).isEqualTo(en);
        assertThat(keys("i18n/messages_zh_TW.properties")).isEqualTo(en);
    }

    @Test
    void acceptLanguagePicksTheClosestOfTheThree() {
        assertThat(Messages.localeOf("en-US,en;q=0.9")).isEqualTo(Messages.EN);
        assertThat(Messages.localeOf("zh-HK")).isEqualTo(Messages.ZH_TW);
        assertThat(Messages.localeOf("zh-Hant")).isEqualTo(Messages.ZH_TW);
        assertThat(Messages.localeOf("fr-FR, en;q=0.5")).isEqualTo(Messages.EN);
        assertThat(Messages.localeOf("fr-FR")).isEqualTo(Messages.ZH_CN);
        assertThat(Messages.localeOf((String) null)).isEqualTo(Messages.ZH_CN);
    }

    @Test
    void messagesAreFormattedPerLanguage() {
        Messages m = new Messages();
        assertThat(m.get(Messages.EN, "field.range", 1, 1000)).isEqualTo("Must be between 1 and 1,000.");
        assertThat(m.get(Messages.ZH_CN, "kind.power")).isEqualTo("断电");
        assertThat(m.get(Messages.ZH_TW, "kind.power")).isEqualTo("斷電");
    }
}
