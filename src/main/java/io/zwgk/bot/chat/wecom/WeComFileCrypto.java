package io.zwgk.bot.chat.wecom;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts a file a 智能机器人 received: AES-256-CBC without the message envelope, key = Base64 of the AES key (the
 * message's {@code aeskey}, or the robot's 43-character EncodingAESKey with {@code "="} added), IV = the key's first
 * 16 bytes, PKCS#7 padding to 32-byte blocks. Stateless.
 */
final class WeComFileCrypto {
  private static final int BLOCK = 32;

  private WeComFileCrypto() {}

  /**
   * The plaintext of {@code cipher}.
   *
   * @throws WeComCryptoException if the key is not Base64 of 32 bytes or the padding is wrong
   */
  static byte[] decrypt(byte[] cipher, String aesKey) {
    byte[] key = key(aesKey);
    if (cipher.length == 0 || cipher.length % 16 != 0) {
      throw new WeComCryptoException("wecom file is not whole AES blocks");
    }
    byte[] plain;
    try {
      Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
      aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
      plain = aes.doFinal(cipher);
    } catch (GeneralSecurityException e) {
      throw new WeComCryptoException("wecom file cannot be decrypted");
    }
    int pad = plain[plain.length - 1] & 0xff;
    if (pad < 1 || pad > BLOCK || pad > plain.length) {
      throw new WeComCryptoException("wecom file has bad padding");
    }
    return Arrays.copyOf(plain, plain.length - pad);
  }

  /** The ciphertext of {@code plain}, for tests that stand in for WeCom. */
  static byte[] encrypt(byte[] plain, String aesKey) {
    byte[] key = key(aesKey);
    int pad = BLOCK - plain.length % BLOCK;
    byte[] padded = Arrays.copyOf(plain, plain.length + pad);
    Arrays.fill(padded, plain.length, padded.length, (byte) pad);
    try {
      Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
      aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
      return aes.doFinal(padded);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-CBC unavailable", e);
    }
  }

  private static byte[] key(String aesKey) {
    String text = aesKey == null ? "" : aesKey.strip();
    byte[] key;
    try {
      key = Base64.getDecoder().decode(text.length() == 43 ? text + "=" : text);
    } catch (IllegalArgumentException e) {
      throw new WeComCryptoException("wecom file key is not Base64");
    }
    if (key.length != 32) {
      throw new WeComCryptoException("wecom file key is not 32 bytes");
    }
    return key;
  }
}
