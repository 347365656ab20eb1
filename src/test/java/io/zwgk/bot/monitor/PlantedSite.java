package io.zwgk.bot.monitor;

import io.vertx.core.buffer.Buffer;
import io.zwgk.bot.monitor.MonitorConfig.Crawl;
import io.zwgk.bot.monitor.MonitorConfig.GuideContact;
import io.zwgk.bot.monitor.MonitorConfig.UnitSite;
import io.zwgk.bot.remind.TrackedItem;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * The test site with its planted problems, for 2024-05-06. 县水利局: a stale column (工作动态, newest 2024-03-01) and a
 * fresh one (通知公告, newest [04-29]); on its home page a dead link, a link that never answers, a broken image, a
 * working image, a link whose HEAD is refused but whose GET works, a link into a path robots.txt forbids and an
 * external link; a valid ID number in one item, an ID with a bad checksum and a masked phone in another, an unmasked
 * mobile in a third, a dictionary hit in a fourth whose CSV attachment holds an ID number; a GBK-encoded guide with the wrong phone. 大阿镇政府: a clean home
 * page and a correct guide.
 */
final class PlantedSite {
  static final LocalDate TODAY = LocalDate.of(2024, 5, 6);
  static final String WATER = "县水利局";
  static final String DAA = "大阿镇政府";
  static final String VALID_ID = "360722199001011238";
  static final String BAD_ID = "360722199001011235";
  static final String MOBILE = "13812345678";
  static final String ATTACHMENT_ID = "34052419800101001X";
  static final String MOBILE_LINE = "如有疑问请联系张三，电话" + MOBILE + "。";
  static final String WRONG_PHONE_LINE = "联系电话：0797-3322110（县政府办公室）";
  static final String RIGHT_PHONE_LINE = "联系电话：0797-7177965";
  static final String TYPO_LINE = "县攻府召开专题会议，部署春耕工作。";

  private PlantedSite() {
  }

  static void plant(TestSite site) {
    site.text("/robots.txt", "User-agent: *\nDisallow: /private/\n");
    site.html("/slj/index.html", page("县水利局", """
        <ul class="nav"><li><a href="/slj/list-news.html">工作动态</a></li>
        <li><a href="/slj/list-notice.html">通知公告</a></li></ul>
        <p><a href="/slj/dead.html">往年计划</a> <a href="/slj/slow.html">在线办事</a>
        <a href="/slj/head-refused.html">规划</a> <a href="/private/secret.html">内部</a>
        <a href="http://www.gov.cn/">中国政府网</a></p>
        <img src="/img/ok.png" alt="工作照片"> <img src="/img/broken.jpg" alt="调研照片">"""));
    site.html("/slj/head-refused.html", page("规划", "<p>十四五规划</p>"));
    site.refuseHead("/slj/head-refused.html");
    site.neverAnswer("/slj/slow.html");
    site.html("/private/secret.html", page("内部", "<p>内部</p>"));
    site.put("/img/ok.png", 200, "image/png", png());
    site.put("/img/broken.jpg", 200, "image/jpeg", Buffer.buffer("this is not a jpeg"));
    site.html("/slj/list-news.html", page("工作动态", """
        <ul class="list"><li><a href="/slj/news1.html">低保公示</a><span>2024-03-01</span></li>
        <li><a href="/slj/news2.html">工作简报</a><span>2024-02-20</span></li></ul>"""));
    site.html("/slj/news1.html", page("低保公示", "<p>经审核，张三（身份证号" + VALID_ID + "）符合条件，予以公示。</p>"));
    site.html("/slj/news2.html", page("工作简报", "<p>申请人编号" + BAD_ID + "，联系电话138****1234。</p>"));
    site.html("/slj/list-notice.html", page("通知公告", """
        <table><tr><td><a href="/slj/notice1.html">关于春耕的通知</a></td><td>[04-29]</td></tr>
        <tr><td><a href="/slj/notice2.html">会议纪要</a></td><td>[04-20]</td></tr></table>"""));
    site.html("/slj/notice1.html", page("关于春耕的通知", "<p>" + MOBILE_LINE + "</p>"));
    site.html("/slj/notice2.html", page("会议纪要", "<p>" + TYPO_LINE + "</p>"
        + "<p>附件：<a href=\"/slj/files/butie.csv\">补贴名单</a></p>"));
    site.put("/slj/files/butie.csv", 200, "text/csv", Buffer.buffer("姓名,身份证号\n李四," + ATTACHMENT_ID + "\n"));
    site.html("/slj/guide.html", guide(WRONG_PHONE_LINE), Charset.forName("GBK"));
    site.html("/da/index.html", page("大阿镇", "<p><a href=\"/da/guide.html\">指南</a> 大阿镇概况。</p>"));
    site.html("/da/guide.html", guide("联系电话：0797—7177965"));
  }

  static String guide(String phoneLine) {
    return "<html><head><meta charset=\"gbk\"><title>政府信息公开指南</title></head><body>"
        + "<p>受理机构：县政务服务中心</p><p>办公地址：信丰县5G产业园政务服务中心一楼</p><p>" + phoneLine
        + "</p></body></html>";
  }

  static String page(String title, String body) {
    return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body>" + body + "</body></html>";
  }

  static MonitorConfig config(TestSite site) {
    GuideContact centre = new GuideContact(Optional.of("信丰县5G产业园政务服务中心一楼"), Optional.of("0797—7177965"),
        Optional.empty());
    Map<String, String> dictionary = new LinkedHashMap<>();
    dictionary.put("攻府", "政府");
    dictionary.put("扫黑险恶", "扫黑除恶");
    return new MonitorConfig("zwgk-bot/test", new Crawl(2, Duration.ZERO, Duration.ofSeconds(2), 200, 3),
        List.of("127.0.0.1:" + site.port()), List.of(), Optional.empty(), ZoneId.of("Asia/Shanghai"), centre, Map.of(),
        dictionary, List.of(
            new UnitSite(WATER, Optional.of(site.url("/slj/index.html")), Optional.of(site.url("/slj/guide.html")),
                centre),
            new UnitSite(DAA, Optional.of(site.url("/da/index.html")), Optional.of(site.url("/da/guide.html")),
                centre)));
  }

  static List<TrackedItem.Column> columns(TestSite site) {
    return List.of(
        new TrackedItem.Column("1", WATER, "工作动态", site.url("/slj/list-news.html"), "动态/要闻类",
            LocalDate.of(2024, 1, 2)),
        new TrackedItem.Column("2", WATER, "通知公告", site.url("/slj/list-notice.html"), "通知公告/政策文件类",
            LocalDate.of(2024, 1, 2)));
  }

  /** unit | category | text of every planted problem. */
  static List<String> expectedKeys(TestSite site) {
    return List.of(
        WATER + "|疑似不可用链接|" + site.url("/slj/dead.html"),
        WATER + "|疑似不可用链接|" + site.url("/slj/slow.html"),
        WATER + "|疑似图片无法显示|" + site.url("/img/broken.jpg"),
        WATER + "|疑似指南信息有误|信息公开指南电话应为 0797—7177965（" + site.url("/slj/guide.html") + "）",
        WATER + "|疑似隐私泄露|身份证号 36*************238（" + site.url("/slj/news1.html") + "）",
        WATER + "|疑似隐私泄露|手机号 138****5678（" + site.url("/slj/notice1.html") + "）",
        WATER + "|疑似错敏字|“攻府”应为“政府”（" + site.url("/slj/notice2.html") + "）",
        WATER + "|疑似隐私泄露|身份证号 34*************01X（" + site.url("/slj/files/butie.csv") + "）");
  }

  private static Buffer png() {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", out);
      return Buffer.buffer(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
