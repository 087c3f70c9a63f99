#!/usr/bin/env python3
"""Deterministic demo VCF for genomics/demo-families.ped (standard library only).

    python3 genomics/make_demo_vcf.py --ped genomics/demo-families.ped --out genomics/demo.vcf
    bgzip -f genomics/demo.vcf && tabix -p vcf genomics/demo.vcf.gz

Genotypes are simulated: founders from allele frequencies, children by Mendelian transmission.
chrX outside PAR1/PAR2 (GRCh38) is hemizygous in males. On purpose, for the QC and Samples screens:
- DEMO03_01 and DEMO03_02 (grandparents) are not sequenced (obligate carriers in the browser);
- DEMO04_11 is called 'LAB-2231' in the VCF (unmatched until mapped on the Samples tab);
- DEMO02_05 (recorded female) has a male-like chrX (no heterozygous calls) -> sex check flag;
- DEMO02_04 has 3 de-novo-like calls -> Mendelian errors, listed first.
Segregating variants (positions inside the gene span on GRCh38, alleles invented):
- THAP1 chr8:42836100 G>A missense, het in DEMO01_01 and DEMO01_05 (the affected members of DEMO01);
- TOR1A chr9:129814200 C>T missense, carried by DEMO03_01's line: DEMO03_03..05 and the affected grandchildren;
- GNAL chr18:11753400 A>G splice_region, het in DEMO03_04, DEMO03_16, DEMO03_17 only.
"""
import argparse
import random

CONTIGS = [("chr1", 248956422), ("chr2", 242193529), ("chr3", 198295559), ("chr4", 190214555), ("chr5", 181538259),
           ("chr6", 170805979), ("chr7", 159345973), ("chr8", 145138636), ("chr9", 138394717), ("chr10", 133797422),
           ("chr11", 135086622), ("chr12", 133275309), ("chr13", 114364328), ("chr14", 107043718), ("chr15", 101991189),
           ("chr16", 90338345), ("chr17", 83257441), ("chr18", 80373285), ("chr19", 58617616), ("chr20", 64444167),
           ("chr21", 46709983), ("chr22", 50818468), ("chrX", 156040895)]
RENAME = {"DEMO04_11": "LAB-2231"}
UNSEQUENCED = {"DEMO03_01", "DEMO03_02"}
SEX_SWAP = "DEMO02_05"
DENOVO = "DEMO02_04"


def read_ped(path):
    people = []
    for line in open(path):
        f = line.split()
        if len(f) >= 6:
            people.append(dict(fam=f[0], id=f[1], father=f[2], mother=f[3], sex=f[4], aff=f[5]))
    return people


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ped", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=2026)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    people = read_ped(a.ped)
    by_id = {p["id"]: p for p in people}
    typed = [p for p in people if p["id"] not in UNSEQUENCED]
    denovo_left = 3

    def transmit(geno, pid, x):
        """geno: id -> (a1, a2) allele pairs; fills pid from its parents."""
        if pid in geno:
            return geno[pid]
        p = by_id[pid]
        male = p["sex"] == "1"
        if p["father"] == "0":
            return None
        f = transmit(geno, p["father"], x)
        m = transmit(geno, p["mother"], x)
        from_m = rnd.choice(m)
        if x and male:
            g = (from_m, from_m)
        elif x:
            g = (f[0], from_m)
        else:
            g = (rnd.choice(f), from_m)
        geno[pid] = g
        return g

    def site(freq, x, fixed=None):
        geno = {}
        for p in people:
            if p["father"] == "0":
                if fixed is not None:
                    geno[p["id"]] = fixed.get(p["id"], (0, 0))
                elif x and p["sex"] == "1":
                    al = 1 if rnd.random() < freq else 0
                    geno[p["id"]] = (al, al)
                else:
                    geno[p["id"]] = tuple(1 if rnd.random() < freq else 0 for _ in range(2))
        for p in people:
            transmit(geno, p["id"], x)
        if fixed is not None:
            for k, v in fixed.items():
                geno[k] = v
        return geno

    rows = []
    # background autosomal SNVs: 12 per autosome
    for name, length in CONTIGS[:-1]:
        for i in range(12):
            pos = rnd.randrange(1_000_000, length - 1_000_000)
            rows.append((name, pos, site(rnd.uniform(0.05, 0.5), False), rnd.uniform(0.01, 0.5), None, None))
    # chrX outside PAR1/PAR2 of GRCh38 (10001-2781479, 155701383-156030895): 80 SNVs; 6 inside PAR1
    for i in range(80):
        pos = rnd.randrange(3_000_000, 155_000_000)
        rows.append(("chrX", pos, site(rnd.uniform(0.2, 0.5), True), rnd.uniform(0.1, 0.5), None, None))
    for i in range(6):
        pos = rnd.randrange(100_000, 2_700_000)
        rows.append(("chrX", pos, site(rnd.uniform(0.2, 0.5), False), rnd.uniform(0.1, 0.5), None, None))
    # segregating variants
    het = (0, 1)
    demo01 = {"DEMO01_01": het, "DEMO01_05": het}
    tor1a = {k: het for k in ["DEMO03_01", "DEMO03_03", "DEMO03_04", "DEMO03_05", "DEMO03_10", "DEMO03_11", "DEMO03_16",
                              "DEMO03_17", "DEMO03_23", "DEMO03_27", "DEMO03_28", "DEMO03_08"]}
    gnal = {k: het for k in ["DEMO03_04", "DEMO03_16", "DEMO03_17"]}

    def fixed_site(carriers):
        return {p["id"]: carriers.get(p["id"], (0, 0)) for p in people}

    rows.append(("chr8", 42836100, fixed_site(demo01), 0.00002, "THAP1", "missense_variant", "G", "A"))
    rows.append(("chr9", 129814200, fixed_site(tor1a), 0.00001, "TOR1A", "missense_variant", "C", "T"))
    rows.append(("chr18", 11753400, fixed_site(gnal), 0.0004, "GNAL", "splice_region_variant", "A", "G"))
    # a common variant in ANO3 (everyone random) and a low-quality one in THAP1
    rows.append(("chr11", 26440300, site(0.3, False), 0.31, "ANO3", "synonymous_variant", "C", "T"))
    rows.append(("chr8", 42838000, site(0.02, False), 0.015, "THAP1", "intron_variant", "T", "C", "LowQual"))
    rows = [r + (None,) * (9 - len(r)) for r in rows]
    order = {c: i for i, (c, _) in enumerate(CONTIGS)}
    rows.sort(key=lambda r: (order[r[0]], r[1]))

    with open(a.out, "w") as out:
        out.write("##fileformat=VCFv4.2\n##reference=GRCh38\n##source=genomics/make_demo_vcf.py --seed %d\n" % a.seed)
        for c, n in CONTIGS:
            out.write("##contig=<ID=%s,length=%d,assembly=GRCh38>\n" % (c, n))
        out.write('##FILTER=<ID=PASS,Description="All filters passed">\n')
        out.write('##FILTER=<ID=LowQual,Description="Low quality">\n')
        out.write('##INFO=<ID=AF,Number=A,Type=Float,Description="Population allele frequency">\n')
        out.write('##INFO=<ID=ANN,Number=.,Type=String,Description="Functional annotations: \'Allele | Annotation | '
                  'Annotation_Impact | Gene_Name | Gene_ID\'">\n')
        out.write('##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">\n')
        out.write('##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype quality">\n')
        out.write('##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth">\n')
        out.write("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t"
                  + "\t".join(RENAME.get(p["id"], p["id"]) for p in typed) + "\n")
        for contig, pos, geno, af, gene, csq, ref, alt, flt in rows:
            ref = ref or rnd.choice("ACGT")
            alt = alt or rnd.choice([b for b in "ACGT" if b != ref])
            in_par = contig == "chrX" and pos < 2_781_480
            calls = []
            for p in typed:
                g = geno[p["id"]]
                if p["id"] == SEX_SWAP and contig == "chrX" and not in_par:
                    g = (g[0], g[0])
                if p["id"] == DENOVO and denovo_left > 0 and gene is None and g == (0, 0) \
                        and geno[by_id[p["id"]]["father"]] == (0, 0) and geno[by_id[p["id"]]["mother"]] == (0, 0) \
                        and contig != "chrX" and rnd.random() < 0.05:
                    g = (1, 1)
                    denovo_left -= 1
                dp = rnd.randint(8, 60)
                if rnd.random() < 0.02 and gene is None:
                    calls.append("./.:.:%d" % rnd.randint(0, 3))
                    continue
                gt = "/".join(str(x) for x in sorted(g))
                calls.append("%s:%d:%d" % (gt, rnd.randint(20, 99), dp))
            info = "AF=%.5g" % af
            if gene:
                info += ";ANN=%s|%s|%s|%s|%s" % (alt, csq, "MODERATE" if "missense" in csq else "LOW", gene, gene)
            qual = "%.1f" % (rnd.uniform(12, 25) if flt else rnd.uniform(60, 900))
            out.write("\t".join([contig, str(pos), ".", ref, alt, qual, flt or "PASS", info, "GT:GQ:DP"] + calls) + "\n")


if __name__ == "__main__":
    main()
