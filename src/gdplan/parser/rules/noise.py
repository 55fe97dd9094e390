"""Web furniture a copied page carries: not the document, and never a node or a notice part.
Also the page numbers of a text copied out of a PDF or a print (— 3 —, 第3页 共5页).

Matched on the analysis text (simplified, half width) of one segment.
"""

from __future__ import annotations

import re

from gdplan.parser.lazy import lazy

_FURNITURE = lazy(
    r"""(?:
        (?:简体版|繁体版|信息无障碍|无障碍|English|EN|长者模式|关怀版|网站地图|设为首页|加入收藏
          |联系我们|关于我们|使用帮助|网站声明|隐私声明|隐私政策|网站纠错|我要纠错)(?:\s+\S+){0,4}
      | (?:首页|当前位置|您的位置|您现在的位置|当前所在位置)\s*[:>»›].*
      | .*(?:首页|主页)\s*(?:>|»|›|>>).*
      | \s*(?:>>|»).*
      | (?:https?://|www\.)\S*
      | \d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?
      | (?:时间|发布时间|来源时间为?|来源|信息来源|文章来源|发布日期|更新时间|日期)\s*[::].{0,60}
      | (?:作者|编辑|责任编辑|审核|校对)\s*[::].{0,60}
      | .{0,40}(?:浏览次数|浏览量|阅读次数|访问量|点击数|阅读量)\s*[::]?.{0,20}
      | .*(?:【打印】|【关闭】|【字体|打印本页|关闭窗口|分享到|扫一扫|【大】|【中】|【小】).*
      | [(](?:此件公开发布|此件主动公开|此件依申请公开|此件不公开)[)]
      | 【?(?:上一篇|下一篇|上一条|下一条|相关链接|相关文章|相关阅读|相关新闻|相关推荐|相关稿件|相关解读
          |推荐阅读|延伸阅读|热点推荐|热门推荐|热门文章|精彩推荐|猜你喜欢|附件下载|原文链接)】?\s*[::]?.*
      | [^。]{0,30}(?:关注|扫码|扫描|长按识别|下载)[^。]{0,20}
          (?:公众号|客户端|APP|App|app|二维码|微博|视频号|抖音号)[^。]{0,20}
      | (?:点击|点此)(?:查看|进入|阅读|下载)[^。]{0,40}
      | 更多(?:精彩|资讯|内容|详情|信息)[^。]{0,40}
      | .*(?:ICP备|ICP证|公网安备|网站标识码|网站识别码|版权所有|Copyright|copyright|COPYRIGHT|©
          |All\s+Rights\s+Reserved|技术支持\s*[::]|建议使用.{0,20}浏览器).*
      | (?:(?:阅读原文|阅读\s*[\d.]+\s*万?\+?|在看\s*\d*|点赞\s*\d*|赞\s*\d*|分享|写留言|留言|收藏
            |喜欢此内容的人还喜欢)\s*){1,8}
      | [-—–―~]+\s*\d{1,4}\s*[-—–―~]+
      | 第\s*\d{1,4}\s*页(?:\s*[,/]?\s*共\s*\d{1,4}\s*页)?
      | 共\s*\d{1,4}\s*页\s*[,/]?\s*第\s*\d{1,4}\s*页
      | (?:主办|主管)(?:单位)?\s*[::][^。]{0,60}(?:承办|协办|运维|维护)(?:单位)?\s*[::].*
    )""",
    re.VERBOSE,
)


# Every furniture line holds one of these; testing for them first keeps the common case cheap.
_HINT = lazy(
    r"简体|繁体|无障碍|English|EN|长者|关怀|地图|首页|收藏|位置|>|»|›|http|www|\d{4}[-/.]\d|时间|来源|日期"
    r"|作者|编辑|审核|校对|浏览|阅读|访问|点击|打印|关闭|字体|分享|扫一扫|【|此件|上一篇|下一篇|相关|附件下载"
    r"|上一条|下一条|推荐|热点|热门|精彩|猜你|原文|关注|扫码|扫描|长按|下载|点此|更多"
    r"|联系我们|关于我们|帮助|声明|隐私|纠错|ICP|安备|标识码|识别码|版权|[Cc]opyright|COPYRIGHT|©|Rights|技术支持|浏览器"
    r"|主办|主管|[-—–―~]\s*\d|页|在看|点赞|留言|喜欢"
)


def is_noise(text: str, start: int, end: int) -> bool:
    return (
        end - start < 200
        and _HINT.search(text, start, end) is not None
        and _FURNITURE.fullmatch(text, start, end) is not None
    )
