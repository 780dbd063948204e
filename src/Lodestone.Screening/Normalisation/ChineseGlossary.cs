using System.Collections.Frozen;
using System.Text;

namespace Lodestone.Screening.Normalisation;

/// <summary>
/// Common words of Chinese company and institution names with the English words listed names use for them, so that
/// 华为技术有限公司 meets "Huawei Technologies Co., Ltd.". Applied longest match first; what is left (brand names,
/// personal names) is romanised to pinyin, one token per run. Traditional characters are folded to simplified before
/// lookup, so 華為技術 reads like 华为技术. A value may offer alternatives with '|' (研究院 is "academy" or "institute").
/// </summary>
internal static class ChineseGlossary
{
    // One entry a line: Chinese (simplified) = English tokens. Values are normalised like English text, so
    // "co ltd" becomes two weak tokens and "holdings" folds to "holding".
    private const string Table = """
        股份有限公司=co ltd
        有限责任公司=co ltd
        有限公司=co ltd
        集团公司=group co
        分公司=branch co
        株式会社=co
        公司=co
        有限=ltd
        集团=group
        股份=share
        控股=holding
        投资=investment
        发展=development
        管理=management
        服务=service
        咨询=consulting
        销售=sales
        商贸=trading|commerce
        贸易=trading|trade
        商务=business|commerce
        实业=industrial|industry
        企业=enterprise
        工厂=factory
        厂=factory
        制品=product
        产品=product
        技术=technology
        科技=technology
        高科技=high technology
        高新技术=high technology
        电子=electronic
        微电子=microelectronic
        电子科技=electronic technology
        电气=electric
        电力=electric power
        电信=telecom
        通信=communication
        通讯=communication
        信息=information
        网络=network
        软件=software
        数据=data
        智能=intelligent|smart
        半导体=semiconductor
        集成电路=integrated circuit
        芯片=chip
        计算机=computer
        超级计算=supercomputing
        超算=supercomputing
        人工智能=artificial intelligence
        光电=optoelectronic
        光电子=optoelectronic
        光学=optical
        激光=laser
        光纤=optical fiber
        传感=sensor
        传感器=sensor
        精密=precision
        仪器=instrument
        仪表=instrument
        设备=equipment
        装备=equipment
        器材=equipment
        系统=system
        机械=machinery
        机电=electromechanical
        机器人=robot|robotics
        自动化=automation
        控制=control
        动力=power
        制造=manufacturing
        工业=industry
        产业=industry
        重工=heavy industry
        工程=engineering
        建设=construction
        建筑=construction
        材料=material
        新材料=new material
        化工=chemical
        化学=chemical|chemistry
        能源=energy
        新能源=new energy
        石油=petroleum
        石化=petrochemical
        天然气=natural gas
        核工业=nuclear industry
        核电=nuclear power
        金属=metal
        钢铁=steel
        矿业=mining
        生物=biological|biotech
        医药=pharmaceutical
        医疗=medical
        汽车=automotive|automobile
        车辆=vehicle
        无人机=drone|uav
        航空=aviation
        航天=aerospace
        船舶=shipbuilding|ship
        海运=shipping
        航运=shipping
        物流=logistics
        运输=transport
        兵器=ordnance
        导弹=missile
        火箭=rocket
        卫星=satellite
        雷达=radar
        国防=national defense
        军工=military industry
        军事=military
        安全=security
        研究所=research institute
        研究院=research academy|institute
        研究中心=research center
        研究=research
        科学院=academy science
        工程院=academy engineering
        科学=science
        物理=physics
        大学=university
        学院=college|institute|academy
        学校=school
        实验室=laboratory
        中心=center
        国际=international
        进出口=import export
        进口=import
        出口=export
        中国=china
        中华=china
        国家=national|state
        香港=hong kong
        澳门=macau
        台湾=taiwan
        北京=beijing
        上海=shanghai
        深圳=shenzhen
        广州=guangzhou
        天津=tianjin
        重庆=chongqing
        武汉=wuhan
        南京=nanjing
        成都=chengdu
        西安=xian
        杭州=hangzhou
        哈尔滨=harbin
        长沙=changsha
        苏州=suzhou
        无锡=wuxi
        珠海=zhuhai
        厦门=xiamen
        大连=dalian
        青岛=qingdao
        沈阳=shenyang
        合肥=hefei
        郑州=zhengzhou
        济南=jinan
        福州=fuzhou
        东莞=dongguan
        宁波=ningbo
        绵阳=mianyang
        广东=guangdong
        江苏=jiangsu
        浙江=zhejiang
        四川=sichuan
        湖北=hubei
        湖南=hunan
        山东=shandong
        河北=hebei
        河南=henan
        陕西=shaanxi
        山西=shanxi
        辽宁=liaoning
        吉林=jilin
        黑龙江=heilongjiang
        安徽=anhui
        福建=fujian
        江西=jiangxi
        云南=yunnan
        贵州=guizhou
        广西=guangxi
        新疆=xinjiang
        西藏=tibet
        内蒙古=inner mongolia
        海南=hainan
        """;

    // Traditional → simplified for the characters the table uses (pairs: traditional, simplified).
    private const string TraditionalPairs =
        "術术電电團团學学業业國国際际貿贸設设備备統统導导彈弹訊讯網网絡络軟软數数據据體体儀仪機机產产築筑氣气衛卫達达軍军實实驗验" +
        "進进華华廣广慶庆漢汉爾尔濱滨長长蘇苏無无錫锡廈厦門门連连島岛陽阳鄭郑濟济東东寧宁綿绵灣湾陝陕遼辽龍龙雲云貴贵內内資资發发務务" +
        "詢询銷销廠厂製制裝装動动車车輛辆纖纤傳传計计級级醫医藥药療疗屬属鋼钢鐵铁礦矿運运輸输責责總总測测試试專专業业區区縣县鎮镇" +
        "廣广門门環环與与為为萬万億亿創创營营續续線线聯联興兴農农鋁铝銅铜織织紡纺構构廳厅員员";

    private static readonly FrozenDictionary<string, NameToken[]> Entries = Load();

    private static readonly FrozenDictionary<char, char> Simplified = LoadTraditional();

    /// <summary>The longest key, in characters.</summary>
    private static readonly int MaxKeyLength = Entries.Keys.Max(k => k.Length);

    /// <summary>Folds the traditional characters the glossary knows to simplified.</summary>
    public static string ToSimplified(string run)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < run.Length; i++)
        {
            if (Simplified.TryGetValue(run[i], out var s))
            {
                sb ??= new StringBuilder(run);
                sb[i] = s;
            }
        }

        return sb?.ToString() ?? run;
    }

    /// <summary>The longest glossary word starting at <paramref name="start"/>: its length (0 if none) and tokens.</summary>
    public static int LongestMatch(string run, int start, out NameToken[] tokens)
    {
        var max = Math.Min(MaxKeyLength, run.Length - start);
        for (var length = max; length >= 1; length--)
        {
            if (Entries.TryGetValue(run.Substring(start, length), out var found))
            {
                tokens = found;
                return length;
            }
        }

        tokens = [];
        return 0;
    }

    private static FrozenDictionary<string, NameToken[]> Load()
    {
        var result = new Dictionary<string, NameToken[]>(StringComparer.Ordinal);
        foreach (var raw in Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = raw.IndexOf('=', StringComparison.Ordinal);
            var key = raw[..eq];
            var tokens = new List<NameToken>();
            foreach (var word in raw[(eq + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                // Each alternative is normalised like English text so both sides meet in the same form.
                var alternatives = word.Split('|').Select(a => NameNormaliser.NormaliseWord(a)).ToArray();
                var first = alternatives[0];
                var others = alternatives.Skip(1).Select(a => a.Text).Where(a => a != first.Text).Distinct().ToArray();
                tokens.Add(new NameToken(first.Text, first.Kind, key, others.Length == 0 ? null : others));
            }

            result[key] = [.. tokens];
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<char, char> LoadTraditional()
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i + 1 < TraditionalPairs.Length; i += 2)
        {
            map[TraditionalPairs[i]] = TraditionalPairs[i + 1];
        }

        return map.ToFrozenDictionary();
    }
}
