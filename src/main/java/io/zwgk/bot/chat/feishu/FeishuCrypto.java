package io.zwgk.bot.chat.feishu;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Feishu/Lark crypto: decryption of {@code {"encrypt":…}} event bodies (key = SHA-256 of the Encrypt Key, IV = the
 * first 16 decoded bytes, AES-256-CBC with PKCS#7), the event signature {@code X-Lark-Signature} (hex SHA-256 of
 * timestamp + nonce + Encrypt Key + the <b>raw</b> body bytes) and the custom-bot {@code sign} (HmacSHA256 keyed with
 * {@code timestamp + "\n" + secret} over an empty message). Stateless and thread-safe.
 */
public final class FeishuCrypto {
  private static final int IV_LENGTH = 16;
  private static final long MAX_SECONDS = 99_999_999_999L;

  private FeishuCrypto() {}

  /**
   * Decrypts the Base64 {@code encrypt} field of an event body.
   *
   * @throws FeishuCryptoException on bad Base64, length, padding (usually a wrong Encrypt Key) or UTF-8
   * @throws IllegalArgumentException if the Encrypt Key is empty
   */
  public static String decrypt(String encryptKey, String base64) {
    SecretKeySpec key = new SecretKeySpec(sha256(requireSetting(encryptKey, "Encrypt Key").getBytes(UTF_8)), "AES");
    byte[] raw = decode(base64);
    try {
      Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
      cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(raw, 0, IV_LENGTH));
      return utf8(cipher.doFinal(raw, IV_LENGTH, raw.length - IV_LENGTH));
    } catch (BadPaddingException e) {
      throw new FeishuCryptoException("bad padding (wrong Encrypt Key?)");
    } catch (GeneralSecurityException e) {
      throw new FeishuCryptoException("AES decryption failed", e);
    }
  }

  /** Lower-case hex SHA-256 of {@code timestamp + nonce + encryptKey} (UTF-8) followed by the raw body bytes. */
  public static String eventSignature(String timestamp, String nonce, String encryptKey, byte[] rawBody) {
    String prefix =
        Objects.requireNonNull(timestamp, "timestamp")
            + Objects.requireNonNull(nonce, "nonce")
            + Objects.requireNonNull(encryptKey, "encryptKey");
    Objects.requireNonNull(rawBody, "rawBody");
    MessageDigest digest = sha256Digest();
    digest.update(prefix.getBytes(UTF_8));
    digest.update(rawBody);
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * Whether {@code signature} ({@code X-Lark-Signature}) matches the raw body, compared in constant time; {@code false}
   * if any argument is missing.
   */
  public static boolean verifyEvent(
      String signature, String timestamp, String nonce, String encryptKey, byte[] rawBody) {
    if (signature == null || timestamp == null || nonce == null || encryptKey == null || rawBody == null) {
      return false;
    }
    byte[] expected = eventSignature(timestamp, nonce, encryptKey, rawBody).getBytes(UTF_8);
    return MessageDigest.isEqual(expected, signature.toLowerCase(Locale.ROOT).getBytes(UTF_8));
  }

  /**
   * The custom-bot {@code sign} for the JSON body: Base64(HmacSHA256(key = timestamp + "\n" + secret, data = empty)).
   *
   * @param timestampSeconds Unix time in <b>seconds</b> (Feishu rejects milliseconds)
   * @throws IllegalArgumentException if the secret is empty or the timestamp looks like milliseconds
   */
  public static String customBotSign(long timestampSeconds, String secret) {
    requireSetting(secret, "custom-bot secret");
    if (timestampSeconds <= 0 || timestampSeconds > MAX_SECONDS) {
      throw new IllegalArgumentException("Feishu custom-bot timestamp must be Unix seconds, not milliseconds");
    }
    byte[] stringToSign = (timestampSeconds + "\n" + secret).getBytes(UTF_8);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(stringToSign, "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(new byte[0]));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("JDK without HmacSHA256", e);
    }
  }

  private static byte[] decode(String base64) {
    if (base64 == null || base64.isEmpty()) {
      throw new FeishuCryptoException("ciphertext is empty");
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new FeishuCryptoException("ciphertext is not Base64");
    }
    if (raw.length < 2 * IV_LENGTH || raw.length % IV_LENGTH != 0) {
      throw new FeishuCryptoException("ciphertext length " + raw.length + " is not an IV plus whole AES blocks");
    }
    return raw;
  }

  private static String requireSetting(String value, String name) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("Feishu " + name + " must not be empty");
    }
    return value;
  }

  private static String utf8(byte[] bytes) {
    try {
      return UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new FeishuCryptoException("plaintext is not UTF-8");
    }
  }

  private static byte[] sha256(byte[] input) {
    return sha256Digest().digest(input);
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK without SHA-256", e);
    }
  }
}
