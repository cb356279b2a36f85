package dev.faultline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardSessionTest {

    @Test
    void takesThePathOfTheSetPasswordLink() {
        assertThat(DashboardSession.path("http://localhost:41234/setup/flt_AbC-d_9"))
                .isEqualTo("/setup/flt_AbC-d_9");
        assertThat(DashboardSession.path("https://errors.example.com/setup/abc?x=1"))
                .isEqualTo("/setup/abc?x=1");
        assertThat(DashboardSession.path("/setup/abc")).isEqualTo("/setup/abc");
    }

    @Test
    void findsTheCsrfFieldOfTheForm() {
        String setup = """
                <meta name="csrf-token" content="flt_head">
                <form method="post">
                    <input type="hidden" name="_csrf" value="flt_Zq3-x_Y">
                    <label>Password <input type="password" name="password" minlength="10" required></label>
                </form>
                """;

        assertThat(DashboardSession.csrfField(setup)).isEqualTo("flt_Zq3-x_Y");
        assertThat(DashboardSession.csrfField("<input value=\"first\" type=\"hidden\" name=\"_csrf\">"))
                .isEqualTo("first");
        assertThat(DashboardSession.csrfField("<input type=\"hidden\" name=\"_csrf_other\" value=\"x\">"))
                .isNull();
        assertThat(DashboardSession.csrfField("<p>This link does not work</p>")).isNull();
    }

    @Test
    void readsACookieFromSetCookieHeaders() {
        List<String> setCookies = List.of(
                "faultline_form=flt_form; Path=/; SameSite=Strict; HttpOnly",
                "faultline_session=flt_sess; Path=/; Max-Age=2592000; HttpOnly; SameSite=Lax");

        assertThat(DashboardSession.cookie(setCookies, "faultline_session")).isEqualTo("flt_sess");
        assertThat(DashboardSession.cookie(setCookies, "faultline_form")).isEqualTo("flt_form");
        assertThat(DashboardSession.cookie(setCookies, "faultline")).isNull();
        assertThat(DashboardSession.cookie(List.of("a=\"quoted\"", "plain=1"), "a"))
                .isEqualTo("quoted");
        assertThat(DashboardSession.cookie(List.of(), "faultline_session")).isNull();
    }

    @Test
    void theLastSetCookieWinsAndAnEmptyValueClearsIt() {
        assertThat(DashboardSession.cookie(List.of("s=old; Path=/", "s=new; Path=/"), "s"))
                .isEqualTo("new");
        assertThat(DashboardSession.cookie(List.of("s=old; Path=/", "s=; Path=/; Max-Age=0"), "s"))
                .isNull();
    }
}
