package io.zwgk.bot.chat.feishu;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Vectors from platforms.md §6.3: the official decrypt vector and self-computed signature vectors. */
class FeishuCryptoTest {

  static final String KEY = "test key";
  static final String ENCRYPTED = "P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=";
  static final byte[] BODY = ("{\"encrypt\":\"" + ENCRYPTED + "\"}").getBytes(UTF_8);
  static final String TIMESTAMP = "1700000000";
  static final String NONCE = "abcdef";
  static final String SIGNATURE = "76944efe6fc71ec7d33884eb43fc77c3c9ffe5f32ad4eef35c221d59583faa8a";
  /** Self-computed (Python hashlib) over the UTF-8 bytes of {"text":"完成率"}. */
  static final String CHINESE_BODY_SIGNATURE = "f811282f3ca9188c0a82e092d61c6797fa509928034b0ca9ac9567303321581e";

  @Nested
  @DisplayName("Event decryption")
  class Decrypt {
    @Test
    @DisplayName("the official vector decrypts to \"hello world\"")
    void officialVector() {
      assertThat(FeishuCrypto.decrypt(KEY, ENCRYPTED)).isEqualTo("hello world");
    }

    @Test
    @DisplayName("JSON with Chinese text encrypted the Feishu way comes back unchanged")
    void roundTripChinese() {
      String json = "{\"challenge\":\"ajls384kdj\",\"text\":\"完成率 排名\"}";
      assertThat(FeishuCrypto.decrypt(KEY, encrypt(KEY, new byte[16], json.getBytes(UTF_8)))).isEqualTo(json);
    }

    @Test
    @DisplayName("a wrong Encrypt Key is reported as a FeishuCryptoException")
    void wrongKey() {
      assertThatThrownBy(() -> FeishuCrypto.decrypt("other key", ENCRYPTED))
          .isInstanceOf(FeishuCryptoException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @DisplayName("a missing ciphertext is rejected")
    void empty(String base64) {
      assertThatThrownBy(() -> FeishuCrypto.decrypt(KEY, base64))
          .isInstanceOf(FeishuCryptoException.class)
          .hasMessage("ciphertext is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "P37w+VZI mNgPEO1R", "P37w-VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk_", "P3=7"})
    @DisplayName("text that is not standard Base64 is rejected")
    void notBase64(String base64) {
      assertThatThrownBy(() -> FeishuCrypto.decrypt(KEY, base64))
          .isInstanceOf(FeishuCryptoException.class)
          .hasMessage("ciphertext is not Base64");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16, 31, 33, 47})
    @DisplayName("data that is not an IV plus whole AES blocks is rejected")
    void badLength(int length) {
      String base64 = Base64.getEncoder().encodeToString(new byte[length]);
      assertThatThrownBy(() -> FeishuCrypto.decrypt(KEY, base64))
          .isInstanceOf(FeishuCryptoException.class)
          .hasMessageContaining("IV plus whole AES blocks");
    }

    @Test
    @DisplayName("a truncated ciphertext is rejected")
    void truncated() {
      byte[] raw = Base64.getDecoder().decode(ENCRYPTED);
      String truncated = Base64.getEncoder().encodeToString(Arrays.copyOf(raw, 16));
      assertThatThrownBy(() -> FeishuCrypto.decrypt(KEY, truncated)).isInstanceOf(FeishuCryptoException.class);
    }

    @Test
    @DisplayName("a flipped bit in the pad byte is detected")
    void tamperedPadding() {
      byte[] raw = Base64.getDecoder().decode(ENCRYPTED);
      raw[15] ^= 0x01;
      String tampered = Base64.getEncoder().encodeToString(raw);
      assertThatThrownBy(() -> FeishuCrypto.decrypt(KEY, tampered))
          .isInstanceOf(FeishuCryptoException.class)
          .hasMessageContaining("padding");
    }

    @Test
    @DisplayName("a flipped bit in the IV changes the plaintext instead of passing it through")
    void tamperedIv() {
      byte[] raw = Base64.getDecoder().decode(ENCRYPTED);
      raw[0] ^= 0x01;
      assertThat(FeishuCrypto.decrypt(KEY, Base64.getEncoder().encodeToString(raw))).isEqualTo("iello world");
    }

    @Test
    @DisplayName("a plaintext that is not UTF-8 is rejected")
    void invalidUtf8() {
      String base64 = encrypt(KEY, new byte[16], new byte[] {(byte) 0xC3, 0x28});
      assertThatThrownBy(() -> FeishuCrypto.decrypt(KEY, base64)).hasMessage("plaintext is not UTF-8");
    }

    @Test
    @DisplayName("an empty Encrypt Key is a settings error naming the setting")
    void emptyKey() {
      assertThatThrownBy(() -> FeishuCrypto.decrypt("", ENCRYPTED))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Feishu Encrypt Key");
      assertThatThrownBy(() -> FeishuCrypto.decrypt(null, ENCRYPTED)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  @DisplayName("Event signature")
  class EventSignature {
    @Test
    @DisplayName("the self-computed vector matches SHA-256(timestamp + nonce + key + raw body)")
    void vector() {
      assertThat(FeishuCrypto.eventSignature(TIMESTAMP, NONCE, KEY, BODY)).isEqualTo(SIGNATURE);
      assertThat(FeishuCrypto.verifyEvent(SIGNATURE, TIMESTAMP, NONCE, KEY, BODY)).isTrue();
    }

    @Test
    @DisplayName("Chinese bodies are signed as their raw UTF-8 bytes, not re-encoded in another charset")
    void rawUtf8Bytes() {
      byte[] utf8 = "{\"text\":\"完成率\"}".getBytes(UTF_8);
      byte[] gbk = "{\"text\":\"完成率\"}".getBytes(Charset.forName("GBK"));
      assertThat(FeishuCrypto.eventSignature(TIMESTAMP, NONCE, KEY, utf8)).isEqualTo(CHINESE_BODY_SIGNATURE);
      assertThat(FeishuCrypto.verifyEvent(CHINESE_BODY_SIGNATURE, TIMESTAMP, NONCE, KEY, gbk)).isFalse();
    }

    @Test
    @DisplayName("a re-serialized body (one extra space) no longer verifies")
    void reserializedBody() {
      byte[] spaced = ("{\"encrypt\": \"" + ENCRYPTED + "\"}").getBytes(UTF_8);
      assertThat(FeishuCrypto.verifyEvent(SIGNATURE, TIMESTAMP, NONCE, KEY, spaced)).isFalse();
    }

    @Test
    @DisplayName("a changed timestamp, nonce, key or body byte breaks the signature")
    void everyInputIsSigned() {
      byte[] tampered = BODY.clone();
      tampered[tampered.length - 3] ^= 0x01;
      assertThat(FeishuCrypto.verifyEvent(SIGNATURE, "1700000001", NONCE, KEY, BODY)).isFalse();
      assertThat(FeishuCrypto.verifyEvent(SIGNATURE, TIMESTAMP, "abcdeg", KEY, BODY)).isFalse();
      assertThat(FeishuCrypto.verifyEvent(SIGNATURE, TIMESTAMP, NONCE, "test kez", BODY)).isFalse();
      assertThat(FeishuCrypto.verifyEvent(SIGNATURE, TIMESTAMP, NONCE, KEY, tampered)).isFalse();
    }

    @Test
    @DisplayName("the old card-callback SHA-1 formula does not verify as an event signature")
    void notTheCardFormula() throws Exception {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update((TIMESTAMP + NONCE + KEY).getBytes(UTF_8));
      String cardStyle = HexFormat.of().formatHex(sha1.digest(BODY));
      assertThat(FeishuCrypto.verifyEvent(cardStyle, TIMESTAMP, NONCE, KEY, BODY)).isFalse();
    }

    @Test
    @DisplayName("missing or malformed signatures are rejected; upper-case hex is accepted")
    void signatureShapes() {
      assertThat(FeishuCrypto.verifyEvent(null, TIMESTAMP, NONCE, KEY, BODY)).isFalse();
      assertThat(FeishuCrypto.verifyEvent(SIGNATURE, null, NONCE, KEY, BODY)).isFalse();
      assertThat(FeishuCrypto.verifyEvent(SIGNATURE, TIMESTAMP, null, KEY, BODY)).isFalse();
      assertThat(FeishuCrypto.verifyEvent(SIGNATURE, TIMESTAMP, NONCE, null, BODY)).isFalse();
      assertThat(FeishuCrypto.verifyEvent(SIGNATURE, TIMESTAMP, NONCE, KEY, null)).isFalse();
      assertThat(FeishuCrypto.verifyEvent("", TIMESTAMP, NONCE, KEY, BODY)).isFalse();
      assertThat(FeishuCrypto.verifyEvent(SIGNATURE.substring(2), TIMESTAMP, NONCE, KEY, BODY)).isFalse();
      assertThat(FeishuCrypto.verifyEvent("0" + SIGNATURE.substring(1), TIMESTAMP, NONCE, KEY, BODY)).isFalse();
      assertThat(FeishuCrypto.verifyEvent(SIGNATURE.toUpperCase(), TIMESTAMP, NONCE, KEY, BODY)).isTrue();
    }
  }

  @Nested
  @DisplayName("Custom-bot sign")
  class CustomBotSign {
    static final String SECRET = "this is secret";
    static final String SIGN = "OfGzRzoUICBOoc8wVra1e4A1hPfbZ9zqXozA8CWVUuY=";
    static final String DINGTALK_STYLE = "0gy50rUziRgEQQ5BlfpijB6FVcJUiEcvkYhmxakRD7c=";

    @Test
    @DisplayName("the self-computed vector matches HmacSHA256(key = timestamp\\nsecret, data = empty)")
    void vector() {
      assertThat(FeishuCrypto.customBotSign(1_700_000_000L, SECRET)).isEqualTo(SIGN);
    }

    @Test
    @DisplayName("the DingTalk-style computation (key and data swapped) gives a different sign, which Feishu rejects")
    void dingTalkStyleNegativeControl() throws Exception {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(UTF_8), "HmacSHA256"));
      String dingTalk = Base64.getEncoder().encodeToString(mac.doFinal("1700000000\nthis is secret".getBytes(UTF_8)));
      assertThat(dingTalk).isEqualTo(DINGTALK_STYLE);
      assertThat(FeishuCrypto.customBotSign(1_700_000_000L, SECRET)).isNotEqualTo(DINGTALK_STYLE);
    }

    @Test
    @DisplayName("the sign depends on the timestamp and the secret")
    void dependsOnInputs() {
      assertThat(FeishuCrypto.customBotSign(1_700_000_001L, SECRET)).isNotEqualTo(SIGN);
      assertThat(FeishuCrypto.customBotSign(1_700_000_000L, SECRET + " ")).isNotEqualTo(SIGN);
    }

    @Test
    @DisplayName("a millisecond timestamp is refused rather than silently signed")
    void millisecondsRefused() {
      assertThatThrownBy(() -> FeishuCrypto.customBotSign(1_700_000_000_000L, SECRET))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("seconds");
      assertThatThrownBy(() -> FeishuCrypto.customBotSign(0L, SECRET)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("an empty secret is a settings error naming the setting")
    void emptySecret() {
      assertThatThrownBy(() -> FeishuCrypto.customBotSign(1_700_000_000L, ""))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Feishu custom-bot secret");
      assertThatThrownBy(() -> FeishuCrypto.customBotSign(1_700_000_000L, null))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** Encrypts the Feishu way: IV (16 bytes) + AES-256-CBC/PKCS#7 with key SHA-256(encryptKey), Base64. */
  static String encrypt(String encryptKey, byte[] iv, byte[] plain) {
    try {
      byte[] key = MessageDigest.getInstance("SHA-256").digest(encryptKey.getBytes(UTF_8));
      Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
      byte[] body = cipher.doFinal(plain);
      byte[] out = Arrays.copyOf(iv, iv.length + body.length);
      System.arraycopy(body, 0, out, iv.length, body.length);
      return Base64.getEncoder().encodeToString(out);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
