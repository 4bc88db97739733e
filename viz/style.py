"""How each kind of node looks: colour and shape by class (pure data, no I/O)."""

from __future__ import annotations

NODE_STYLE: dict[str, dict[str, str]] = {
    "IndustrialCluster": {"color": "#d62728", "shape": "star", "zh": "产业集群", "en": "Cluster"},
    "Firm": {"color": "#1f77b4", "shape": "dot", "zh": "企业", "en": "Firm"},
    "Alliance": {"color": "#9467bd", "shape": "hexagon", "zh": "联盟", "en": "Alliance"},
    "InnovationPlatform": {"color": "#2ca02c", "shape": "diamond", "zh": "创新平台", "en": "Innovation platform"},
    "Laboratory": {"color": "#17becf", "shape": "triangle", "zh": "实验室", "en": "Laboratory"},
    "University": {"color": "#8c564b", "shape": "triangleDown", "zh": "高校", "en": "University"},
    "ResearchInstitute": {"color": "#bcbd22", "shape": "triangleDown", "zh": "科研院所", "en": "Research institute"},
    "GovernmentBody": {"color": "#7f7f7f", "shape": "square", "zh": "政府机构", "en": "Government body"},
    "IndustrialPark": {"color": "#e377c2", "shape": "square", "zh": "园区", "en": "Industrial park"},
    "Media": {"color": "#c7c7c7", "shape": "dot", "zh": "媒体", "en": "Media"},
    "OtherOrganization": {"color": "#aaaaaa", "shape": "dot", "zh": "其他组织", "en": "Other"},
    "Event": {"color": "#ff7f0e", "shape": "box", "zh": "活动", "en": "Event"},
    "PolicyDocument": {"color": "#f0c05a", "shape": "box", "zh": "政策文件", "en": "Document"},
    "ChallengeList": {"color": "#ffbb78", "shape": "box", "zh": "揭榜挂帅榜单", "en": "Challenge list"},
    "Designation": {"color": "#dbdb8d", "shape": "ellipse", "zh": "名单称号", "en": "Designation"},
    "Programme": {"color": "#c5b0d5", "shape": "ellipse", "zh": "计划体系", "en": "Programme"},
    "City": {"color": "#98df8a", "shape": "ellipse", "zh": "城市", "en": "City"},
}
DEFAULT_STYLE = {"color": "#aaaaaa", "shape": "dot", "zh": "其他", "en": "Other"}


def style_for(category: str) -> dict[str, str]:
    """Colour, shape and legend names of a node class.

    >>> style_for("Firm")["shape"], style_for("Unknown")["en"]
    ('dot', 'Other')
    """
    return NODE_STYLE.get(category, DEFAULT_STYLE)


def node_size(score: float, lo: float = 12, hi: float = 40) -> float:
    """Node size from a centrality in [0, 1].

    >>> node_size(0), node_size(1)
    (12.0, 40.0)
    """
    return round(lo + (hi - lo) * max(0.0, min(1.0, score)), 1)


# Clusters are coloured by their tier (a programme's 优势 / 新兴 / 特色 clusters, matched on the
# tier's name) so the tier reads at a glance; the legend lists the tiers present.
TIER_STYLE: dict[str, dict[str, str]] = {
    "优势": {"color": "#b2182b", "zh": "优势集群", "en": "Advantage cluster"},
    "新兴": {"color": "#f46d43", "zh": "新兴集群", "en": "Emerging cluster"},
    "特色": {"color": "#c51b7d", "zh": "特色集群", "en": "Distinctive cluster"},
}


def tier_key(tier: str) -> str:
    """The :data:`TIER_STYLE` key of a tier's name, or ``""``.

    >>> tier_key("优势产业集群"), tier_key("“343”新兴产业集群"), tier_key("")
    ('优势', '新兴', '')
    """
    return next((k for k in TIER_STYLE if k in tier), "")


def short_tier(tier: str) -> str:
    """A tier's name without the words every tier repeats.

    >>> short_tier("优势产业集群"), short_tier("Emerging industrial clusters")
    ('优势', 'Emerging')
    """
    for tail in ("创新产业集群", "产业集群", " innovation industrial clusters", " industrial clusters", " clusters"):
        if tier.endswith(tail) and len(tier) > len(tail):
            return tier[: -len(tail)]
    return tier
