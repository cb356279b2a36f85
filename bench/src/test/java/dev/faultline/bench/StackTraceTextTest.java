package dev.faultline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class StackTraceTextTest {

    @Test
    void readsFramesAndCausesAsTheAndroidSdkSerializesThem() throws Exception {
        ObjectNode exception = StackTraceText.parse("""
                java.lang.IllegalStateException: Token refresh failed: account 7
                \tat com.example.Auth.refresh(Auth.java:71)
                \tat java.lang.reflect.Method.invoke(Native Method)
                \tat com.example.Auth$$Lambda.run(Unknown Source)
                \tat com.example.Main.main(Main.kt)
                Caused by: java.io.IOException
                \tat com.example.Store.read(Store.java:9)
                \t... 2 more
                """);

        assertThat(exception).isEqualTo(new ObjectMapper().readTree("""
                {"type":"java.lang.IllegalStateException","message":"Token refresh failed: account 7","frames":[
                  {"className":"com.example.Auth","methodName":"refresh","lineNumber":71,"fileName":"Auth.java"},
                  {"className":"java.lang.reflect.Method","methodName":"invoke","lineNumber":-2},
                  {"className":"com.example.Auth$$Lambda","methodName":"run","lineNumber":-1},
                  {"className":"com.example.Main","methodName":"main","lineNumber":-1,"fileName":"Main.kt"}],
                 "innerExceptions":[{"type":"java.io.IOException","frames":[
                  {"className":"com.example.Store","methodName":"read","lineNumber":9,"fileName":"Store.java"},
                  {"className":"com.example.Auth$$Lambda","methodName":"run","lineNumber":-1},
                  {"className":"com.example.Main","methodName":"main","lineNumber":-1,"fileName":"Main.kt"}]}]}
                """));
    }

    @Test
    void rejectsWhatIsNotAStackTrace() {
        assertThatThrownBy(() -> StackTraceText.parse(" \n")).hasMessageContaining("empty");
        assertThatThrownBy(() -> StackTraceText.parse("java.lang.Error\n\tat nowhere\n"))
                .hasMessageContaining("not a stack frame");
        assertThatThrownBy(() -> StackTraceText.parse("java.lang.Error\nSuppressed: java.lang.Error\n"))
                .hasMessageContaining("not a stack trace line");
    }
}
