package io.zwgk.bot.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.monitor.GuideCheck.Mismatch;
import io.zwgk.bot.monitor.MonitorConfig.GuideContact;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GuideCheckTest {
  private static final GuideContact CENTRE = new GuideContact(Optional.of("信丰县5G产业园政务服务中心一楼"),
      Optional.of("0797—7177965"), Optional.empty());

  @Test
  @DisplayName("the canonical address and phone in any dash or space style match")
  void matches() {
    for (String phone : new String[] {"0797-7177965", "0797—7177965", "0797 7177965", "（0797）7177965", "07977177965",
        "7177965"}) {
      String page = "受理机构：县政务服务中心\n办公地址：信丰县 5G 产业园政务服务中心一楼\n联系电话：" + phone;
      assertThat(GuideCheck.check(page, CENTRE)).as(phone).isEmpty();
    }
  }

  @Test
  @DisplayName("a wrong phone is a mismatch quoting the page's line")
  void wrongPhone() {
    String page = "办公地址：信丰县5G产业园政务服务中心一楼\n联系电话：0797-3322110（县政府办）\n传真：0797-3322111";

    assertThat(GuideCheck.check(page, CENTRE)).containsExactly(
        new Mismatch("电话", "0797—7177965", "联系电话：0797-3322110（县政府办）"));
  }

  @Test
  @DisplayName("a wrong address is a mismatch; a guide that says nothing says so")
  void wrongAddress() {
    assertThat(GuideCheck.check("办公地址：信丰县人民政府大院\n电话 0797-7177965", CENTRE))
        .containsExactly(new Mismatch("地址", "信丰县5G产业园政务服务中心一楼", "办公地址：信丰县人民政府大院"));
    assertThat(GuideCheck.check("本指南适用于县水利局。", CENTRE)).extracting(Mismatch::quote)
        .containsExactly("页面未写明地址", "页面未写明电话");
  }

  @Test
  @DisplayName("a configured fax is checked like a phone; a longer number containing the phone does not count")
  void fax() {
    GuideContact withFax = new GuideContact(Optional.empty(), Optional.of("0797-7177965"),
        Optional.of("0797-7177966"));
    assertThat(GuideCheck.check("电话0797-7177965 传真0797-7177966", withFax)).isEmpty();
    assertThat(GuideCheck.check("电话0797-7177965", withFax)).extracting(Mismatch::field).containsExactly("传真");
    assertThat(GuideCheck.hasNumber("编号 207977177965", "0797-7177965")).isFalse();
  }
}
