package io.zwgk.bot.command;

import io.zwgk.bot.stats.Category;
import io.zwgk.bot.stats.PeriodStats;
import io.zwgk.bot.stats.Unit;
import io.zwgk.bot.stats.UnitNames;
import io.zwgk.bot.stats.UnitStats;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The April 2024 bulletin's attachment tables (附件1, 附件2), copied row by row from the seed. */
final class SeedData {
  static final YearMonth APRIL_2024 = YearMonth.of(2024, 4);

  /** 单位名称 | 类别 | 本年度任务数 | 已发布总数 | 4月发布条数 | 完成比例(%), in the bulletin's order. */
  private static final String TABLE = """
      县农业农村局　　　　　　 | 县直单位 |  550 |  631 | 153 | 114.73
      县司法局　　　　　　　　 | 县直单位 |  350 |  376 |  71 | 107.43
      县自然资源局　　　　　　 | 县直单位 |  500 |  527 | 117 | 105.40
      县科技局　　　　　　　　 | 县直单位 |  550 |  463 |  86 |  84.18
      县供销社　　　　　　　　 | 县直单位 |  550 |  386 |  87 |  70.18
      县民政局　　　　　　　　 | 县直单位 |  350 |  242 |  77 |  69.14
      县发改委　　　　　　　　 | 县直单位 |  350 |  217 |  51 |  62.00
      县林业局　　　　　　　　 | 县直单位 |  550 |  337 |  50 |  61.27
      县应急管理局　　　　　　 | 县直单位 |  550 |  317 |  86 |  57.64
      县行政审批局　　　　　　 | 县直单位 |  350 |  183 |  61 |  52.29
      县文广新旅局　　　　　　 | 县直单位 |  350 |  182 |  42 |  52.00
      县退役军人事务局　　　　 | 县直单位 |  350 |  180 |  92 |  51.43
      县城管局　　　　　　　　 | 县直单位 |  550 |  282 |  70 |  51.27
      县工业和信息化局　　　　 | 县直单位 |  550 |  277 |  93 |  50.36
      县公安局交管大队　　　　 | 县直单位 |  580 |  268 |  75 |  46.21
      县财政局　　　　　　　　 | 县直单位 |  350 |  157 |  35 |  44.86
      县公安局　　　　　　　　 | 县直单位 |  550 |  235 |  78 |  42.73
      县教体局　　　　　　　　 | 县直单位 |  550 |  230 |  33 |  41.82
      县税务局　　　　　　　　 | 县直单位 |  450 |  186 |  26 |  41.33
      县果业发展服务中心　　　 | 县直单位 |  400 |  164 |  36 |  41.00
      县卫健委　　　　　　　　 | 县直单位 |  450 |  184 |  44 |  40.89
      赣州市医疗保障局信丰分局 | 县直单位 |  500 |  190 |  40 |  38.00
      县人社局　　　　　　　　 | 县直单位 |  550 |  206 |  64 |  37.45
      县审计局　　　　　　　　 | 县直单位 |  350 |  131 |  31 |  37.43
      县城市社区管委会　　　　 | 县直单位 |  350 |  125 |  46 |  35.71
      县交通运输局　　　　　　 | 县直单位 |  550 |  196 |  52 |  35.64
      县统计局　　　　　　　　 | 县直单位 |  350 |  118 |  29 |  33.71
      县气象局　　　　　　　　 | 县直单位 |  550 |  179 |  74 |  32.55
      县融媒体中心　　　　　　 | 县直单位 |  550 |  170 |  38 |  30.91
      县商务局　　　　　　　　 | 县直单位 |  450 |  128 |  29 |  28.44
      县史志研究室　　　　　　 | 县直单位 |  400 |  110 |  59 |  27.50
      县乡村振兴局　　　　　　 | 县直单位 |  350 |   94 |  22 |  26.86
      县住建局　　　　　　　　 | 县直单位 |  500 |  126 |  43 |  25.20
      信丰公路发展分中心　　　 | 县直单位 |  550 |  128 |  40 |  23.27
      赣州市信丰生态环境局　　 | 县直单位 |  560 |  130 |  23 |  23.21
      统调队　　　　　　　　　 | 县直单位 |  450 |  103 |  26 |  22.89
      县市场监督管理局　　　　 | 县直单位 |  350 |   71 |  32 |  20.29
      县水利局　　　　　　　　 | 县直单位 |  450 |   86 |  19 |  19.11
      县烟草专卖局　　　　　　 | 县直单位 |  350 |   54 |  27 |  15.43
      高新区管委会　　　　　　 | 县直单位 |  560 |   81 |   5 |  14.46
      大桥镇政府　　　　　　　 | 乡镇 |  560 | 1180 | 279 | 210.71
      大塘埠镇政府　　　　　　 | 乡镇 |  560 | 1040 | 397 | 185.71
      小河镇政府　　　　　　　 | 乡镇 |  560 |  991 | 301 | 176.96
      西牛镇政府　　　　　　　 | 乡镇 |  560 |  916 | 467 | 163.57
      小江镇政府　　　　　　　 | 乡镇 |  560 |  908 | 270 | 162.14
      崇仙乡政府　　　　　　　 | 乡镇 |  560 |  876 | 260 | 156.43
      万隆乡政府　　　　　　　 | 乡镇 |  560 |  779 | 145 | 139.11
      油山镇政府　　　　　　　 | 乡镇 |  560 |  756 | 340 | 135.00
      虎山乡政府　　　　　　　 | 乡镇 |  560 |  690 | 176 | 123.21
      正平镇政府　　　　　　　 | 乡镇 |  560 |  589 | 140 | 105.18
      安西镇政府　　　　　　　 | 乡镇 |  560 |  573 | 279 | 102.32
      嘉定镇政府　　　　　　　 | 乡镇 |  560 |  558 | 192 |  99.64
      新田镇政府　　　　　　　 | 乡镇 |  560 |  535 | 126 |  95.54
      古陂镇政府　　　　　　　 | 乡镇 |  560 |  534 |  93 |  95.36
      大阿镇政府　　　　　　　 | 乡镇 |  560 |  426 |  84 |  76.07
      铁石口镇政府　　　　　　 | 乡镇 |  560 |  359 | 103 |  64.11
      """;

  /** One row of the table, with the ratio as printed. */
  record Row(UnitStats stats, BigDecimal printedRatio) {}

  private SeedData() {}

  static List<Row> rows() {
    return TABLE.lines().filter(l -> !l.isBlank()).map(SeedData::row).toList();
  }

  private static Row row(String line) {
    String[] c = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
    Category category = Category.parse(c[1]).orElseThrow();
    UnitStats stats = new UnitStats(
        c[0].replace("\u3000", ""), category, Integer.parseInt(c[2]), Integer.parseInt(c[3]), Integer.parseInt(c[4]));
    return new Row(stats, new BigDecimal(c[5]));
  }

  static PeriodStats april() {
    return new PeriodStats(APRIL_2024, rows().stream().map(Row::stats).toList());
  }

  /** The county's place names, as {@code bot-config/office.yaml} configures them. */
  static UnitNames unitNames() {
    return new UnitNames(List.of("信丰县", "赣州市"));
  }

  static List<Unit> units() {
    return rows().stream().map(r -> Unit.of(r.stats().unit(), r.stats().category())).toList();
  }

  static UnitStats stats(String unit) {
    return april().find(unit).orElseThrow();
  }

  static Map<String, Unit> unitsByName() {
    return units().stream().collect(Collectors.toMap(Unit::name, Function.identity()));
  }
}
