package io.zwgk.bot.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OverviewParagraphTest {
  @Test
  @DisplayName("●信息发布情况 reproduces the seed bulletin's paragraph, bottom five in ascending order")
  void seedParagraph() {
    assertThat(new OverviewParagraph(SeedBulletin.TEMPLATES).of(SeedBulletin.april())).isEqualTo(
        "●信息发布情况。2024年4月,县政府门户网站累计主动公开政府信息20160条。4月份乡(镇)新增公开3652条、县直单位新增公开2162条。"
            + "高新区管委会、县烟草专卖局、县水利局、县市场监督管理局、统调队居县直单位末五位。");
  }

  @Test
  @DisplayName("the wording comes from bulletin.yaml: another text there gives another paragraph")
  void wordingFromTemplates() {
    BulletinTemplates seed = SeedBulletin.TEMPLATES;
    Map<String, String> texts = new HashMap<>(seed.texts());
    texts.put("overview.published", "{period}共公开{total}条。");
    texts.put("overview.bottom", "末{count}位：{units}。");
    BulletinTemplates other = new BulletinTemplates(seed.rectificationWorkingDays(), seed.repeatedReminders(),
        seed.fastTaskShare(), seed.fastTaskWorkingDays(), texts, seed.requirements());

    assertThat(new OverviewParagraph(other).of(SeedBulletin.april()))
        .isEqualTo("2024年4月共公开20160条。末五位：高新区管委会、县烟草专卖局、县水利局、县市场监督管理局、统调队。");
  }
}
