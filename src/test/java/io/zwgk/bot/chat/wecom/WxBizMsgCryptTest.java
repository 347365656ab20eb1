package io.zwgk.bot.chat.wecom;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Vectors from platforms.md §6.2 (Tencent samples, doc 90968, WxJava) plus crafted malformed envelopes. */
class WxBizMsgCryptTest {

  // Vector A: Tencent Sample.py
  static final String A_TOKEN = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
  static final String A_KEY = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
  static final String A_RECEIVE_ID = "ww1436e0e65a779aee";
  static final String A1_SIGNATURE = "012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb";
  static final String A1_TIMESTAMP = "1476416373";
  static final String A1_NONCE = "47744683";
  static final String A1_ECHOSTR =
      "fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==";
  static final String A2_SIGNATURE = "0c3914025cb4b4d68103f6bfc8db550f79dcf48e";
  static final String A2_TIMESTAMP = "1476422779";
  static final String A2_NONCE = "1597212914";
  static final String A2_ENCRYPT =
      "Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLN"
          + "shw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh"
          + "010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNf"
          + "SsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+";
  static final String A2_PLAIN =
      "<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName><CreateTime>"
          + "1476422779</CreateTime><MsgType>text</MsgType><Content>你好</Content><MsgId>1456453720</MsgId><AgentID"
          + ">1000002</AgentID></xml>";
  static final String A3_SIGNATURE = "e3647471e395139e2308c1fa963f2d648a00b90e";
  static final String A3_TIMESTAMP = "1409659813";
  static final String A3_NONCE = "1372623149";
  static final String A3_ENCRYPT =
      "cjhLUX7UU4yCSelv1vz7T0zT8huF51bAMVWriNvO1FMegHrQZNrtvRxbwf0fUPsFvwqR0U0fgiJNEA5Y30F2MoI2S7vv3EjVQ68C"
          + "0cjw9frBoUE2Hj0BvFp9h3u6Vbsg4lc1C8AtHdaN8orKuNKkLRLuYEL52R1J3v8olJGZRLnRdVKIivixmX/eQpzgeExtp20jI1Hx"
          + "RP1AAZ6xZoILdqDPO549LO4WeG+685JRUTdiwcY5fjZlqeMxuT4PpMn1X9OWsS7NRj06Wa5E3Tvg4twjWp39KPfOdRte6P1T4JU=";
  static final String A3_PLAIN =
      "{ \"ToUserName\": \"wx5823bf96d3bd56c7\", \"FromUserName\": :mycreate\", \"CreateTime\": 1409659813,"
          + " \"MsgType\": \"text\", \"Content\": \"hello\", \"MsgId\": 4561255354251345929, \"AgentID\": 218}";

  // Vector B: WeChat MP / WxJava WxCryptUtilTest
  static final String B_TOKEN = "pamtest";
  static final String B_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
  static final String B_RECEIVE_ID = "wxb11529c136998cb6";
  static final byte[] B_RANDOM = "aaaabbbbccccdddd".getBytes(US_ASCII);
  static final String B1_PLAIN = "我是中文abcd123";
  static final String B1_ENCRYPT =
      "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";
  static final String B2_PLAIN =
      "<xml><ToUserName><![CDATA[oia2Tj我是中文jewbmiOUlr6X-1crbLOvLw]]></ToUserName><FromUserName><![CDATA[gh_"
          + "7f083739789a]]></FromUserName><CreateTime>1407743423</CreateTime><MsgType><![CDATA[video]]></MsgType"
          + "><Video><MediaId><![CDATA[eYJ1MbwPRJtOvIEabaxHs7TX2D-HV71s79GUxqdUkjm6Gs2Ed1KF3ulAOA9H1xG0]]></Media"
          + "Id><Title><![CDATA[testCallBackReplyVideo]]></Title><Description><![CDATA[testCallBackReplyVideo]]><"
          + "/Description></Video></xml>";
  static final String B2_ENCRYPT =
      "jn1L23DB+6ELqJ+6bruv23M2GmYfkv0xBh2h+XTBOKVKcgDFHle6gqcZ1cZrk3e1qjPQ1F4RsLWzQRG9udbKWesxlkupqcEcW7ZQ"
          + "weImX9+wLMa0GaUzpkycA8+IamDBxn5loLgZpnS7fVAbExOkK5DYHBmv5tptA9tklE/fTIILHR8HLXa5nQvFb3tYPKAlHF3rtTea"
          + "yNf0QuM+UW/wM9enGIDIJHF7CLHiDNAYxr+r+OrJCmPQyTy8cVWlu9iSvOHPT/77bZqJucQHQ04sq7KZI27OcqpQNSto2OdHCoTc"
          + "cjggX5Z9Mma0nMJBU+jLKJ38YB1fBIz+vBzsYjrTmFQ44YfeEuZ+xRTQwr92vhA9OxchWVINGC50qE/6lmkwWTwGX9wtQpsJKhP+"
          + "oS7rvTY8+VdzETdfakjkwQ5/Xka042OlUb1/slTwo4RscuQ+RdxSGvDahxAJ6+EAjLt9d8igHngxIbf6YyqqROxuxqIeIch3CssH"
          + "/LqRs+iAcILvApYZckqmA7FNERspKA5f8GoJ9sv8xmGvZ9Yrf57cExWtnX8aCMMaBropU/1k+hKP5LVdzbWCG0hGwx/dQudYR/eX"
          + "p3P0XxjlFiy+9DMlaFExWUZQDajPkdPrEeOwofJb";

  // Vector C: doc 90968 举例说明
  static final String C_TOKEN = "QDG6eK";
  static final String C_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
  static final String C_RECEIVE_ID = "wx5823bf96d3bd56c7";
  static final String C1_SIGNATURE = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3";
  static final String C1_TIMESTAMP = "1409659589";
  static final String C1_NONCE = "263014780";
  static final String C1_ECHOSTR_WIRE =
      "P9nAzCzyDtyTWESHep1vC5X9xho%2FqYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp%2B4RPcs8TgAE7OaBO%2BFZXvnaqQ%3D%3D";
  static final String C1_ECHOSTR =
      "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
  static final String C2_SIGNATURE = "477715d11cdb4164915debcba66cb864d751f3e6";
  static final String C2_TIMESTAMP = "1409659813";
  static final String C2_NONCE = "1372623149";
  static final String C2_ENCRYPT =
      "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg"
          + "3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+k"
          + "DZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6ti"
          + "WSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p"
          + "8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
  static final String C2_PLAIN =
      "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></Fr"
          + "omUserName>\n<CreateTime>1409659813</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![C"
          + "DATA[hello]]></Content>\n<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>";
  /** Self-computed (Python cryptography) with vector C's key: 26-byte message, so the padding is a full 32 bytes. */
  static final String C_PAD32_ENCRYPT =
      "sKqRbbiSUnDhFHOvPjtUMZGyoR1r/GzKAbbgquGlaOgIlt+xQAi/JKk90aBApUWQUg5O+k5ZufIRKoqgtkAVwJKF1H3y/sfk7izz"
          + "wSIp1tYTy01NHOGT9sTJ2jdv5sCT";

  final WxBizMsgCrypt a = new WxBizMsgCrypt(A_TOKEN, A_KEY, A_RECEIVE_ID);
  final WxBizMsgCrypt b = new WxBizMsgCrypt(B_TOKEN, B_KEY, B_RECEIVE_ID);
  final WxBizMsgCrypt c = new WxBizMsgCrypt(C_TOKEN, C_KEY, C_RECEIVE_ID);

  @Nested
  @DisplayName("Vector A (Tencent Sample.py)")
  class VectorA {
    @Test
    @DisplayName("A1: the URL check verifies the signature and returns the decrypted echo")
    void urlVerification() {
      assertThat(a.signature(A1_TIMESTAMP, A1_NONCE, A1_ECHOSTR)).isEqualTo(A1_SIGNATURE);
      assertThat(a.verifyUrl(A1_SIGNATURE, A1_TIMESTAMP, A1_NONCE, A1_ECHOSTR)).isEqualTo("1288432023552776189");
    }

    @Test
    @DisplayName("A2: a POST body with a 22-byte pad (which breaks PKCS5Padding) verifies and decrypts")
    void postDecrypt() {
      assertThat(a.verify(A2_SIGNATURE, A2_TIMESTAMP, A2_NONCE, A2_ENCRYPT)).isTrue();
      assertThat(a.decrypt(A2_ENCRYPT)).isEqualTo(A2_PLAIN);
    }

    @Test
    @DisplayName("A3: the JSON sample decrypts to exactly the official (malformed) bytes")
    void jsonVariantBytes() {
      assertThat(a.verify(A3_SIGNATURE, A3_TIMESTAMP, A3_NONCE, A3_ENCRYPT)).isTrue();
      assertThat(a.decrypt(A3_ENCRYPT).getBytes(UTF_8)).isEqualTo(A3_PLAIN.getBytes(UTF_8));
    }
  }

  @Nested
  @DisplayName("Vector B (WxJava deterministic encrypt)")
  class VectorB {
    @Test
    @DisplayName("encrypting with the fixed random prefix reproduces afterAesEncrypt")
    void encryptFirstCase() {
      assertThat(b.encrypt(B1_PLAIN, B_RANDOM)).isEqualTo(B1_ENCRYPT);
      assertThat(b.decrypt(B1_ENCRYPT)).isEqualTo(B1_PLAIN);
    }

    @Test
    @DisplayName("encrypting the long video reply reproduces afterAesEncrypt2")
    void encryptSecondCase() {
      assertThat(b.encrypt(B2_PLAIN, B_RANDOM)).isEqualTo(B2_ENCRYPT);
      assertThat(b.decrypt(B2_ENCRYPT)).isEqualTo(B2_PLAIN);
    }

    @Test
    @DisplayName("the signature is SHA-1 of the sorted values: SHA1(\"123\", \"345\") from WxJava's SHA1Test")
    void sha1Utility() {
      WxBizMsgCrypt crypt = new WxBizMsgCrypt("123", B_KEY, "");
      assertThat(crypt.signature("345", "", "")).isEqualTo("9f537aeb751ec72605f57f94a2f6dc3e3958e1dd");
      assertThat(new WxBizMsgCrypt("345", B_KEY, "").signature("", "123", ""))
          .isEqualTo("9f537aeb751ec72605f57f94a2f6dc3e3958e1dd");
    }
  }

  @Nested
  @DisplayName("Vector C (doc 90968 举例说明)")
  class VectorC {
    @Test
    @DisplayName("C1: the signature covers the URL-decoded echostr, not the wire form")
    void urlVerificationOverDecodedEchostr() {
      assertThat(c.verifyUrl(C1_SIGNATURE, C1_TIMESTAMP, C1_NONCE, C1_ECHOSTR)).isEqualTo("1616140317555161061");
      assertThat(c.verify(C1_SIGNATURE, C1_TIMESTAMP, C1_NONCE, C1_ECHOSTR_WIRE)).isFalse();
      assertThatThrownBy(() -> c.verifyUrl(C1_SIGNATURE, C1_TIMESTAMP, C1_NONCE, C1_ECHOSTR_WIRE))
          .isInstanceOf(WeComCryptoException.class)
          .hasMessageContaining("signature");
    }

    @Test
    @DisplayName("C2: a POST body with a 30-byte pad verifies and decrypts to the XML with its newlines")
    void postDecrypt() {
      assertThat(c.signature(C2_TIMESTAMP, C2_NONCE, C2_ENCRYPT)).isEqualTo(C2_SIGNATURE);
      assertThat(c.decrypt(C2_ENCRYPT)).isEqualTo(C2_PLAIN);
    }

    @Test
    @DisplayName("a message whose padding is a whole 32-byte block decrypts and re-encrypts identically")
    void fullBlockPadding() {
      assertThat(c.decrypt(C_PAD32_ENCRYPT)).isEqualTo("abcdefghijklmnopqrstuvwxyz");
      assertThat(c.encrypt("abcdefghijklmnopqrstuvwxyz", "0123456789abcdef".getBytes(US_ASCII)))
          .isEqualTo(C_PAD32_ENCRYPT);
    }
  }

  static Stream<Arguments> officialCiphertexts() {
    return Stream.of(
        Arguments.of("A1", A_KEY, A_RECEIVE_ID, A1_ECHOSTR, "8908d0ff052afda0"),
        Arguments.of("A2", A_KEY, A_RECEIVE_ID, A2_ENCRYPT, "694ce5a83ae07fe3"),
        Arguments.of("A3", A_KEY, A_RECEIVE_ID, A3_ENCRYPT, "dDVXRx6kn1gOT43Q"),
        Arguments.of("C1", C_KEY, C_RECEIVE_ID, C1_ECHOSTR, "c41b64491c2468d0"),
        Arguments.of("C2", C_KEY, C_RECEIVE_ID, C2_ENCRYPT, "0960688932c47ef1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("officialCiphertexts")
  @DisplayName("re-encrypting an official plaintext with its random prefix reproduces the official ciphertext")
  void reEncryptReproducesOfficialCiphertext(String name, String key, String receiveId, String cipher, String prefix) {
    WxBizMsgCrypt crypt = new WxBizMsgCrypt("token", key, receiveId);
    assertThat(crypt.encrypt(crypt.decrypt(cipher), prefix.getBytes(US_ASCII))).isEqualTo(cipher);
  }

  @Nested
  @DisplayName("Signatures")
  class Signatures {
    @Test
    @DisplayName("a signature with one changed character is rejected, and verifyUrl throws")
    void tamperedSignature() {
      String tampered = "1" + A1_SIGNATURE.substring(1);
      assertThat(a.verify(tampered, A1_TIMESTAMP, A1_NONCE, A1_ECHOSTR)).isFalse();
      assertThatThrownBy(() -> a.verifyUrl(tampered, A1_TIMESTAMP, A1_NONCE, A1_ECHOSTR))
          .isInstanceOf(WeComCryptoException.class)
          .hasMessage("signature mismatch");
    }

    @Test
    @DisplayName("a changed timestamp, nonce, ciphertext or token breaks the signature")
    void everyInputIsSigned() {
      assertThat(a.verify(A2_SIGNATURE, "1476422780", A2_NONCE, A2_ENCRYPT)).isFalse();
      assertThat(a.verify(A2_SIGNATURE, A2_TIMESTAMP, "1597212915", A2_ENCRYPT)).isFalse();
      assertThat(a.verify(A2_SIGNATURE, A2_TIMESTAMP, A2_NONCE, flipBase64Byte(A2_ENCRYPT, 40))).isFalse();
      WxBizMsgCrypt otherToken = new WxBizMsgCrypt(A_TOKEN + "x", A_KEY, A_RECEIVE_ID);
      assertThat(otherToken.verify(A2_SIGNATURE, A2_TIMESTAMP, A2_NONCE, A2_ENCRYPT)).isFalse();
    }

    @Test
    @DisplayName("missing, truncated or over-long signatures are rejected; upper-case hex is accepted")
    void signatureShapes() {
      assertThat(a.verify(null, A1_TIMESTAMP, A1_NONCE, A1_ECHOSTR)).isFalse();
      assertThat(a.verify(A1_SIGNATURE, null, A1_NONCE, A1_ECHOSTR)).isFalse();
      assertThat(a.verify(A1_SIGNATURE, A1_TIMESTAMP, null, A1_ECHOSTR)).isFalse();
      assertThat(a.verify(A1_SIGNATURE, A1_TIMESTAMP, A1_NONCE, null)).isFalse();
      assertThat(a.verify("", A1_TIMESTAMP, A1_NONCE, A1_ECHOSTR)).isFalse();
      assertThat(a.verify(A1_SIGNATURE.substring(1), A1_TIMESTAMP, A1_NONCE, A1_ECHOSTR)).isFalse();
      assertThat(a.verify(A1_SIGNATURE + "0", A1_TIMESTAMP, A1_NONCE, A1_ECHOSTR)).isFalse();
      assertThat(a.verify(A1_SIGNATURE.toUpperCase(), A1_TIMESTAMP, A1_NONCE, A1_ECHOSTR)).isTrue();
      assertThatThrownBy(() -> a.verifyUrl(null, A1_TIMESTAMP, A1_NONCE, A1_ECHOSTR))
          .isInstanceOf(WeComCryptoException.class);
    }
  }

  @Nested
  @DisplayName("receiveid")
  class ReceiveId {
    @Test
    @DisplayName("a ciphertext for another CorpID is rejected")
    void wrongReceiveId() {
      WxBizMsgCrypt other = new WxBizMsgCrypt(A_TOKEN, A_KEY, "ww0000000000000000");
      assertThatThrownBy(() -> other.decrypt(A2_ENCRYPT))
          .isInstanceOf(WeComCryptoException.class)
          .hasMessage("receiveid mismatch");
    }

    @Test
    @DisplayName("a configured receiveid that is a prefix of the real one is rejected")
    void prefixReceiveId() {
      WxBizMsgCrypt prefix = new WxBizMsgCrypt(A_TOKEN, A_KEY, A_RECEIVE_ID.substring(0, 10));
      assertThatThrownBy(() -> prefix.decrypt(A2_ENCRYPT)).hasMessage("receiveid mismatch");
    }

    @Test
    @DisplayName("an empty receiveId (智能机器人) skips the check and round-trips with no receiveid")
    void emptyReceiveIdSkipsCheck() {
      WxBizMsgCrypt bot = new WxBizMsgCrypt(A_TOKEN, A_KEY, "");
      assertThat(bot.decrypt(A2_ENCRYPT)).isEqualTo(A2_PLAIN);
      String reply = bot.encrypt("{\"msgtype\":\"stream\"}");
      assertThat(bot.decrypt(reply)).isEqualTo("{\"msgtype\":\"stream\"}");
      assertThatThrownBy(() -> a.decrypt(reply)).hasMessage("receiveid mismatch");
    }
  }

  @Nested
  @DisplayName("Malformed ciphertexts")
  class Malformed {
    @ParameterizedTest
    @NullAndEmptySource
    @DisplayName("a missing ciphertext is rejected")
    void empty(String cipher) {
      assertThatThrownBy(() -> a.decrypt(cipher))
          .isInstanceOf(WeComCryptoException.class)
          .hasMessage("ciphertext is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "a b c d", "Kl7k=jo", "Kl7kjoSf-_MD"})
    @DisplayName("text that is not standard Base64 is rejected")
    void notBase64(String cipher) {
      assertThatThrownBy(() -> a.decrypt(cipher))
          .isInstanceOf(WeComCryptoException.class)
          .hasMessage("ciphertext is not Base64");
    }

    @Test
    @DisplayName("a ciphertext truncated off the 32-byte grid is rejected")
    void truncatedOffGrid() {
      String truncated = A2_ENCRYPT.substring(0, A2_ENCRYPT.length() - 4);
      assertThatThrownBy(() -> a.decrypt(truncated))
          .isInstanceOf(WeComCryptoException.class)
          .hasMessageContaining("multiple of 32");
      assertThatThrownBy(() -> a.decrypt("AAAA")).hasMessageContaining("multiple of 32");
    }

    @Test
    @DisplayName("a ciphertext truncated to whole blocks fails the padding check")
    void truncatedOnGrid() {
      byte[] raw = Base64.getDecoder().decode(A2_ENCRYPT);
      String firstBlocks = Base64.getEncoder().encodeToString(Arrays.copyOf(raw, 64));
      assertThatThrownBy(() -> a.decrypt(firstBlocks))
          .isInstanceOf(WeComCryptoException.class)
          .hasMessage("bad padding");
    }

    @Test
    @DisplayName("a flipped bit in the pad byte is detected")
    void tamperedPadByte() {
      byte[] raw = Base64.getDecoder().decode(A2_ENCRYPT);
      String tampered = flipBase64Byte(A2_ENCRYPT, raw.length - 17);
      assertThatThrownBy(() -> a.decrypt(tampered))
          .isInstanceOf(WeComCryptoException.class)
          .hasMessage("bad padding");
    }

    @Test
    @DisplayName("a flipped bit in the first block corrupts the length field and is detected")
    void tamperedLengthField() {
      assertThatThrownBy(() -> a.decrypt(flipBase64Byte(A2_ENCRYPT, 0)))
          .isInstanceOf(WeComCryptoException.class)
          .hasMessage("message length field out of range");
    }

    @Test
    @DisplayName("every single-byte corruption of a ciphertext ends in a WeComCryptoException or a changed message")
    void everyByteTampered() {
      int length = Base64.getDecoder().decode(C2_ENCRYPT).length;
      for (int i = 0; i < length; i++) {
        String tampered = flipBase64Byte(C2_ENCRYPT, i);
        try {
          assertThat(c.decrypt(tampered)).isNotEqualTo(C2_PLAIN);
        } catch (WeComCryptoException expected) {
          assertThat(expected.getMessage()).isNotBlank();
        }
      }
    }

    @Test
    @DisplayName("the same ciphertext under another key is rejected")
    void wrongKey() {
      WxBizMsgCrypt otherKey = new WxBizMsgCrypt(A_TOKEN, C_KEY, A_RECEIVE_ID);
      assertThatThrownBy(() -> otherKey.decrypt(A2_ENCRYPT)).isInstanceOf(WeComCryptoException.class);
    }
  }

  @Nested
  @DisplayName("Crafted envelopes")
  class Crafted {
    @ParameterizedTest
    @ValueSource(ints = {0, 33, 255})
    @DisplayName("a pad value outside 1..32 is rejected")
    void padOutOfRange(int pad) {
      byte[] plain = envelope(2, "hi", A_RECEIVE_ID, 64);
      plain[63] = (byte) pad;
      assertThatThrownBy(() -> a.decrypt(encryptRaw(A_KEY, plain))).hasMessage("bad padding");
    }

    @Test
    @DisplayName("pad bytes that disagree with the last byte are rejected")
    void inconsistentPad() {
      byte[] plain = envelope(2, "hi", A_RECEIVE_ID, 64);
      plain[64 - 5] = 4;
      assertThatThrownBy(() -> a.decrypt(encryptRaw(A_KEY, plain))).hasMessage("bad padding");
    }

    @Test
    @DisplayName("a correctly padded envelope is accepted by the crafting helper (control)")
    void craftedControl() {
      assertThat(a.decrypt(encryptRaw(A_KEY, envelope(2, "hi", A_RECEIVE_ID, 64)))).isEqualTo("hi");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, Integer.MIN_VALUE, 3, 100_000})
    @DisplayName("a length field that is negative or runs past the content is rejected")
    void lengthOutOfRange(int lengthField) {
      byte[] plain = envelope(lengthField, "hi", "", 32);
      WxBizMsgCrypt bot = new WxBizMsgCrypt(A_TOKEN, A_KEY, "");
      assertThatThrownBy(() -> bot.decrypt(encryptRaw(A_KEY, plain)))
          .isInstanceOf(WeComCryptoException.class)
          .hasMessage("message length field out of range");
    }

    @Test
    @DisplayName("a pad that eats into the 20-byte header is rejected")
    void padIntoHeader() {
      byte[] plain = new byte[32];
      Arrays.fill(plain, 16, 32, (byte) 16);
      assertThatThrownBy(() -> a.decrypt(encryptRaw(A_KEY, plain))).hasMessage("plaintext shorter than its header");
    }

    @Test
    @DisplayName("a message that is not valid UTF-8 is rejected")
    void invalidUtf8() {
      byte[] plain = envelope(2, "hi", "", 32);
      plain[20] = (byte) 0xC3;
      plain[21] = (byte) 0x28;
      WxBizMsgCrypt bot = new WxBizMsgCrypt(A_TOKEN, A_KEY, "");
      assertThatThrownBy(() -> bot.decrypt(encryptRaw(A_KEY, plain))).hasMessage("message is not UTF-8");
    }
  }

  @Nested
  @DisplayName("Encryption")
  class Encryption {
    @Test
    @DisplayName("random encryption differs each time, stays on the 32-byte grid and round-trips Chinese text")
    void randomEncryption() {
      String text = "完成率：城关镇 100%";
      String first = a.encrypt(text);
      String second = a.encrypt(text);
      assertThat(first).isNotEqualTo(second);
      assertThat(Base64.getDecoder().decode(first).length % 32).isZero();
      assertThat(a.decrypt(first)).isEqualTo(text);
      assertThat(a.decrypt(second)).isEqualTo(text);
    }

    @Test
    @DisplayName("an empty message round-trips")
    void emptyMessage() {
      assertThat(a.decrypt(a.encrypt(""))).isEmpty();
    }

    @Test
    @DisplayName("a random prefix that is not 16 bytes is refused")
    void badRandomPrefix() {
      assertThatThrownBy(() -> a.encrypt("x", new byte[15])).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> a.encrypt("x", null)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  @DisplayName("Settings validation")
  class Settings {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "",
          "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhU",
          "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUtX",
          "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhU=",
          "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqh-t",
          "6qkdMrq68nTKduznJYO1A37W=oEgpkMUvkttRToqhUt",
          "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhU "
        })
    @DisplayName("a malformed EncodingAESKey is refused with a message naming the setting but not its value")
    void badKey(String key) {
      assertThatThrownBy(() -> new WxBizMsgCrypt(A_TOKEN, key, A_RECEIVE_ID))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("WeCom EncodingAESKey")
          .message()
          .doesNotContain("6qkdMrq6")
          .doesNotContain("ToqhU");
    }

    @Test
    @DisplayName("a missing EncodingAESKey, Token or receiveId is refused naming that setting")
    void missingSettings() {
      assertThatThrownBy(() -> new WxBizMsgCrypt(A_TOKEN, null, A_RECEIVE_ID)).hasMessageContaining("EncodingAESKey");
      assertThatThrownBy(() -> new WxBizMsgCrypt(" ", A_KEY, A_RECEIVE_ID)).hasMessageContaining("WeCom Token");
      assertThatThrownBy(() -> new WxBizMsgCrypt(null, A_KEY, A_RECEIVE_ID)).hasMessageContaining("WeCom Token");
      assertThatThrownBy(() -> new WxBizMsgCrypt(A_TOKEN, A_KEY, null)).hasMessageContaining("WeCom receiveId");
    }

    @Test
    @DisplayName("toString never reveals the token or key")
    void toStringRedacts() {
      assertThat(a.toString()).doesNotContain(A_TOKEN).doesNotContain(A_KEY);
    }
  }

  /** A WeCom envelope with a zero random prefix, the given length field, and PKCS#7 padding up to {@code size}. */
  static byte[] envelope(int lengthField, String msg, String receiveId, int size) {
    byte[] m = msg.getBytes(UTF_8);
    byte[] id = receiveId.getBytes(UTF_8);
    ByteBuffer buffer = ByteBuffer.allocate(size);
    buffer.put(new byte[16]).putInt(lengthField).put(m).put(id);
    int pad = buffer.remaining();
    while (buffer.hasRemaining()) {
      buffer.put((byte) pad);
    }
    return buffer.array();
  }

  static String encryptRaw(String encodingAesKey, byte[] plain) {
    byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
    try {
      Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
      return Base64.getEncoder().encodeToString(cipher.doFinal(plain));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static String flipBase64Byte(String base64, int index) {
    byte[] raw = Base64.getDecoder().decode(base64);
    raw[index] ^= 0x01;
    return Base64.getEncoder().encodeToString(raw);
  }
}
