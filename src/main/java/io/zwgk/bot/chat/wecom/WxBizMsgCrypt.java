package io.zwgk.bot.chat.wecom;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeCom callback crypto (WXBizMsgCrypt, doc 90968), used by app callbacks and the 智能机器人 webhook: the
 * {@code msg_signature} SHA-1 and the AES-256-CBC envelope
 * {@code random(16) + msg_len(4, big-endian) + msg + receiveid}, padded with PKCS#7 to a multiple of <b>32</b> bytes,
 * key = Base64(EncodingAESKey + "="), IV = the key's first 16 bytes.
 *
 * <p>The envelope carries no MAC: the signature is what authenticates a ciphertext, so callers {@link #verify} before
 * they {@link #decrypt} (or use {@link #verifyUrl}). An empty receiveId (the 智能机器人 case) skips the receiveid
 * check. Immutable and thread-safe; the token and key are never part of any message or {@code toString()}.
 */
public final class WxBizMsgCrypt {
  private static final int BLOCK = 32;
  private static final int RANDOM_LENGTH = 16;
  private static final int HEADER_LENGTH = RANDOM_LENGTH + 4;
  private static final int KEY_CHARS = 43;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String token;
  private final SecretKeySpec key;
  private final IvParameterSpec iv;
  private final byte[] receiveId;

  /**
   * @param token the callback Token
   * @param encodingAesKey the callback EncodingAESKey (43 Base64 characters)
   * @param receiveId the CorpID for self-built apps, {@code ""} for a 企业内部智能机器人
   * @throws IllegalArgumentException naming the setting that is wrong, without echoing its value
   */
  public WxBizMsgCrypt(String token, String encodingAesKey, String receiveId) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("WeCom Token must not be empty");
    }
    if (receiveId == null) {
      throw new IllegalArgumentException("WeCom receiveId must not be null (use \"\" for a 智能机器人)");
    }
    byte[] aesKey = decodeKey(encodingAesKey);
    this.token = token;
    this.key = new SecretKeySpec(aesKey, "AES");
    this.iv = new IvParameterSpec(aesKey, 0, RANDOM_LENGTH);
    this.receiveId = receiveId.getBytes(UTF_8);
  }

  /** Lower-case hex SHA-1 of the lexicographically sorted concatenation of token, timestamp, nonce and ciphertext. */
  public String signature(String timestamp, String nonce, String encrypted) {
    String[] parts = {
      token,
      Objects.requireNonNull(timestamp, "timestamp"),
      Objects.requireNonNull(nonce, "nonce"),
      Objects.requireNonNull(encrypted, "encrypted")
    };
    Arrays.sort(parts);
    return HexFormat.of().formatHex(sha1(String.join("", parts).getBytes(UTF_8)));
  }

  /** Whether {@code msgSignature} matches, compared in constant time; {@code false} if any argument is missing. */
  public boolean verify(String msgSignature, String timestamp, String nonce, String encrypted) {
    if (msgSignature == null || timestamp == null || nonce == null || encrypted == null) {
      return false;
    }
    byte[] expected = signature(timestamp, nonce, encrypted).getBytes(UTF_8);
    return MessageDigest.isEqual(expected, msgSignature.toLowerCase(Locale.ROOT).getBytes(UTF_8));
  }

  /**
   * Decrypts a Base64 {@code Encrypt}/{@code encrypt} value and returns the message.
   *
   * @throws WeComCryptoException on bad Base64, length, padding, length field, UTF-8 or receiveid
   */
  public String decrypt(String base64Cipher) {
    byte[] plain = aes(Cipher.DECRYPT_MODE, decodeCipher(base64Cipher));
    int end = plain.length - padLength(plain);
    if (end < HEADER_LENGTH) {
      throw new WeComCryptoException("plaintext shorter than its header");
    }
    int msgLength = ByteBuffer.wrap(plain, RANDOM_LENGTH, 4).getInt();
    if (msgLength < 0 || msgLength > end - HEADER_LENGTH) {
      throw new WeComCryptoException("message length field out of range");
    }
    int idStart = HEADER_LENGTH + msgLength;
    if (receiveId.length > 0 && !Arrays.equals(plain, idStart, end, receiveId, 0, receiveId.length)) {
      throw new WeComCryptoException("receiveid mismatch");
    }
    return utf8(plain, HEADER_LENGTH, msgLength);
  }

  /** Encrypts with a fixed 16-byte random prefix: deterministic, for tests and reproducible replies. */
  public String encrypt(String plaintext, byte[] random16) {
    Objects.requireNonNull(plaintext, "plaintext");
    if (random16 == null || random16.length != RANDOM_LENGTH) {
      throw new IllegalArgumentException("random prefix must be exactly 16 bytes");
    }
    byte[] msg = plaintext.getBytes(UTF_8);
    int unpadded = HEADER_LENGTH + msg.length + receiveId.length;
    int pad = BLOCK - unpadded % BLOCK;
    ByteBuffer buffer = ByteBuffer.allocate(unpadded + pad);
    buffer.put(random16).putInt(msg.length).put(msg).put(receiveId);
    while (buffer.hasRemaining()) {
      buffer.put((byte) pad);
    }
    return Base64.getEncoder().encodeToString(aes(Cipher.ENCRYPT_MODE, buffer.array()));
  }

  /** Encrypts with a fresh {@link SecureRandom} prefix, as for an encrypted reply. */
  public String encrypt(String plaintext) {
    byte[] random16 = new byte[RANDOM_LENGTH];
    RANDOM.nextBytes(random16);
    return encrypt(plaintext, random16);
  }

  /**
   * Handles the GET URL check: verifies the signature over the <b>URL-decoded</b> {@code echostr} and returns the
   * decrypted echo, to be answered verbatim.
   *
   * @throws WeComCryptoException on a signature mismatch or an undecryptable echo
   */
  public String verifyUrl(String msgSignature, String timestamp, String nonce, String echostrDecoded) {
    if (!verify(msgSignature, timestamp, nonce, echostrDecoded)) {
      throw new WeComCryptoException("signature mismatch");
    }
    return decrypt(echostrDecoded);
  }

  private static byte[] decodeKey(String encodingAesKey) {
    if (encodingAesKey == null || encodingAesKey.length() != KEY_CHARS) {
      String got = encodingAesKey == null ? "none" : encodingAesKey.length() + " characters";
      throw new IllegalArgumentException("WeCom EncodingAESKey must be 43 characters (got " + got + ")");
    }
    byte[] aesKey;
    try {
      aesKey = Base64.getDecoder().decode(encodingAesKey + "=");
    } catch (IllegalArgumentException e) {
      aesKey = new byte[0];
    }
    if (aesKey.length != BLOCK) {
      throw new IllegalArgumentException("WeCom EncodingAESKey is not Base64 of 32 bytes (expected [A-Za-z0-9])");
    }
    return aesKey;
  }

  private static byte[] decodeCipher(String base64Cipher) {
    if (base64Cipher == null || base64Cipher.isEmpty()) {
      throw new WeComCryptoException("ciphertext is empty");
    }
    byte[] data;
    try {
      data = Base64.getDecoder().decode(base64Cipher);
    } catch (IllegalArgumentException e) {
      throw new WeComCryptoException("ciphertext is not Base64");
    }
    if (data.length == 0 || data.length % BLOCK != 0) {
      throw new WeComCryptoException("ciphertext length " + data.length + " is not a positive multiple of 32");
    }
    return data;
  }

  private static int padLength(byte[] plain) {
    int pad = plain[plain.length - 1] & 0xff;
    if (pad < 1 || pad > BLOCK) {
      throw new WeComCryptoException("bad padding");
    }
    for (int i = plain.length - pad; i < plain.length; i++) {
      if (plain[i] != (byte) pad) {
        throw new WeComCryptoException("bad padding");
      }
    }
    return pad;
  }

  private byte[] aes(int mode, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
      cipher.init(mode, key, iv);
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new WeComCryptoException("AES failed", e);
    }
  }

  private static String utf8(byte[] bytes, int offset, int length) {
    try {
      return UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw new WeComCryptoException("message is not UTF-8");
    }
  }

  private static byte[] sha1(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK without SHA-1", e);
    }
  }
}
