package org.motif.linkage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A connected, loop-free pedigree prepared for peeling: people indexed 0..n-1, nuclear families ("marriages") and the
 * fixed order in which the marriages are peeled toward the root person. Built once per run; marker-independent.
 */
final class FamilyStructure {

    final LinkageFamily family;
    final int n;
    final String[] ids;
    /** false for the dummy parent added when a person has one parent only. */
    final boolean[] real;
    final boolean[] founder;
    final LinkageIndividual.Affection[] affection;
    final int[] father;
    final int[] mother;
    final int[] marriageFather;
    final int[] marriageMother;
    final int[][] marriageChildren;
    /** Peeling order: message from marriage opMarriage[k] to person opTarget[k]. */
    final int[] opMarriage;
    final int[] opTarget;
    /** First op of the ops that feed op k (they are contiguous in post-order: opStart[k] .. k-1). */
    final int[] opStart;
    /** People summed out into op k's message (all members of its marriage but the target, and everyone below). */
    final int[][] opSubtree;
    /** Each person with everyone peeled into them (the people visited below them in the peeling tree). */
    final int[][] personSubtree;
    /** Ops emitted while peeling into each person: personOpStart[i] .. personOpEnd[i] - 1 (post-order). */
    final int[] personOpStart;
    final int[] personOpEnd;
    final int root;
    /** Column of each person in the run's genotype arrays, or -1 if never genotyped. Set by the analysis. */
    int[] sampleColumn;

    private FamilyStructure(LinkageFamily family, List<Person> people, List<int[]> marriages, List<int[]> kids) {
        this.family = family;
        this.n = people.size();
        ids = new String[n];
        real = new boolean[n];
        founder = new boolean[n];
        affection = new LinkageIndividual.Affection[n];
        father = new int[n];
        mother = new int[n];
        for (int i = 0; i < n; i++) {
            Person p = people.get(i);
            ids[i] = p.id;
            real[i] = p.real;
            affection[i] = p.affection;
            father[i] = p.fatherIdx;
            mother[i] = p.motherIdx;
            founder[i] = p.fatherIdx < 0;
        }
        int m = marriages.size();
        marriageFather = new int[m];
        marriageMother = new int[m];
        marriageChildren = new int[m][];
        for (int k = 0; k < m; k++) {
            marriageFather[k] = marriages.get(k)[0];
            marriageMother[k] = marriages.get(k)[1];
            marriageChildren[k] = kids.get(k);
        }
        root = 0;
        List<int[]> ops = new ArrayList<>();
        List<Integer> visited = new ArrayList<>();
        List<int[]> subtrees = new ArrayList<>();
        personSubtree = new int[n][];
        personOpStart = new int[n];
        personOpEnd = new int[n];
        if (family.analysable() && n > 0) {
            int[] parentMarriage = new int[n];
            Arrays.fill(parentMarriage, -1);
            List<List<Integer>> asParent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                asParent.add(new ArrayList<>());
            }
            for (int k = 0; k < m; k++) {
                asParent.get(marriageFather[k]).add(k);
                asParent.get(marriageMother[k]).add(k);
                for (int c : marriageChildren[k]) {
                    parentMarriage[c] = k;
                }
            }
            visitPerson(root, -1, parentMarriage, asParent, ops, visited, subtrees);
        }
        opMarriage = ops.stream().mapToInt(o -> o[0]).toArray();
        opTarget = ops.stream().mapToInt(o -> o[1]).toArray();
        opStart = ops.stream().mapToInt(o -> o[2]).toArray();
        opSubtree = subtrees.toArray(new int[0][]);
    }

    private void visitPerson(int person, int fromMarriage, int[] parentMarriage, List<List<Integer>> asParent,
                             List<int[]> ops, List<Integer> visited, List<int[]> subtrees) {
        int entry = visited.size();
        personOpStart[person] = ops.size();
        visited.add(person);
        List<Integer> incident = new ArrayList<>(asParent.get(person));
        if (parentMarriage[person] >= 0) {
            incident.add(parentMarriage[person]);
        }
        for (int k : incident) {
            if (k == fromMarriage) {
                continue;
            }
            int firstOp = ops.size();
            int firstPerson = visited.size();
            if (marriageFather[k] != person) {
                visitPerson(marriageFather[k], k, parentMarriage, asParent, ops, visited, subtrees);
            }
            if (marriageMother[k] != person) {
                visitPerson(marriageMother[k], k, parentMarriage, asParent, ops, visited, subtrees);
            }
            for (int c : marriageChildren[k]) {
                if (c != person) {
                    visitPerson(c, k, parentMarriage, asParent, ops, visited, subtrees);
                }
            }
            ops.add(new int[] {k, person, firstOp});
            subtrees.add(visited.subList(firstPerson, visited.size()).stream().mapToInt(Integer::intValue).toArray());
        }
        personOpEnd[person] = ops.size();
        personSubtree[person] = visited.subList(entry, visited.size()).stream().mapToInt(Integer::intValue).toArray();
    }

    /** Mutable person while a family is being assembled. */
    private static final class Person {
        final String id;
        String fatherId;
        String motherId;
        final LinkageIndividual.Sex sex;
        final LinkageIndividual.Affection affection;
        final boolean real;
        final int order;
        int fatherIdx = -1;
        int motherIdx = -1;

        Person(String id, String fatherId, String motherId, LinkageIndividual.Sex sex,
               LinkageIndividual.Affection affection, boolean real, int order) {
            this.id = id;
            this.fatherId = fatherId;
            this.motherId = motherId;
            this.sex = sex;
            this.affection = affection;
            this.real = real;
            this.order = order;
        }
    }

    /**
     * Splits a pedigree into analysable families: PED families, split into connected groups, with absent parents added
     * as founders of unknown phenotype and a dummy founder added where only one parent is given (as FASTLINK needs).
     *
     * @throws IllegalArgumentException if an individual id occurs twice in a family or someone is both father and mother
     */
    static List<FamilyStructure> build(LinkagePedigree pedigree) {
        Map<String, LinkedHashMap<String, Person>> families = new LinkedHashMap<>();
        int order = 0;
        for (LinkageIndividual ind : pedigree.individuals()) {
            Map<String, Person> fam = families.computeIfAbsent(ind.familyId(), f -> new LinkedHashMap<>());
            if (fam.containsKey(ind.id())) {
                throw new IllegalArgumentException("family " + ind.familyId() + ": individual " + ind.id()
                        + " is listed twice; give every person one PED line");
            }
            fam.put(ind.id(), new Person(ind.id(), ind.fatherId(), ind.motherId(), ind.sex(), ind.affection(), true,
                    order++));
        }
        List<FamilyStructure> out = new ArrayList<>();
        for (Map.Entry<String, LinkedHashMap<String, Person>> e : families.entrySet()) {
            out.addAll(buildFamily(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static List<FamilyStructure> buildFamily(String fid, LinkedHashMap<String, Person> people) {
        int order = Integer.MAX_VALUE / 2;
        for (Person p : new ArrayList<>(people.values())) {
            if (p.fatherId != null && !people.containsKey(p.fatherId)) {
                people.put(p.fatherId, new Person(p.fatherId, null, null, LinkageIndividual.Sex.MALE,
                        LinkageIndividual.Affection.UNKNOWN, true, order++));
            }
            if (p.motherId != null && !people.containsKey(p.motherId)) {
                people.put(p.motherId, new Person(p.motherId, null, null, LinkageIndividual.Sex.FEMALE,
                        LinkageIndividual.Affection.UNKNOWN, true, order++));
            }
        }
        for (Person p : new ArrayList<>(people.values())) {
            if ((p.fatherId == null) != (p.motherId == null)) {
                boolean missingFather = p.fatherId == null;
                String dummy = "__dummy_" + (missingFather ? "pat" : "mat") + "_" + p.id;
                people.put(dummy, new Person(dummy, null, null,
                        missingFather ? LinkageIndividual.Sex.MALE : LinkageIndividual.Sex.FEMALE,
                        LinkageIndividual.Affection.UNKNOWN, false, order++));
                if (missingFather) {
                    p.fatherId = dummy;
                } else {
                    p.motherId = dummy;
                }
            }
        }
        for (Person p : people.values()) {
            if (p.fatherId != null && p.fatherId.equals(p.motherId)) {
                throw new IllegalArgumentException("family " + fid + ": " + p.fatherId + " is both father and mother of "
                        + p.id);
            }
        }
        java.util.Set<String> fathers = new java.util.HashSet<>();
        for (Person p : people.values()) {
            if (p.fatherId != null) {
                fathers.add(p.fatherId);
            }
        }
        for (Person p : people.values()) {
            if (p.motherId != null && fathers.contains(p.motherId)) {
                throw new IllegalArgumentException("family " + fid + ": " + p.motherId
                        + " is a father and a mother; correct the PED parents");
            }
        }
        // connected components over parent-child edges
        List<Person> all = new ArrayList<>(people.values());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            index.put(all.get(i).id, i);
        }
        int[] up = new int[all.size()];
        for (int i = 0; i < up.length; i++) {
            up[i] = i;
        }
        for (int i = 0; i < all.size(); i++) {
            Person p = all.get(i);
            if (p.fatherId != null) {
                union(up, i, index.get(p.fatherId));
                union(up, i, index.get(p.motherId));
            }
        }
        Map<Integer, List<Person>> comps = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            comps.computeIfAbsent(find(up, i), r -> new ArrayList<>()).add(all.get(i));
        }
        List<List<Person>> sorted = new ArrayList<>(comps.values());
        sorted.sort((a, b) -> Integer.compare(a.stream().mapToInt(p -> p.order).min().orElse(0),
                b.stream().mapToInt(p -> p.order).min().orElse(0)));
        List<FamilyStructure> out = new ArrayList<>();
        for (int k = 0; k < sorted.size(); k++) {
            String label = sorted.size() == 1 ? fid : fid + "#" + (k + 1);
            out.add(component(fid, label, sorted.get(k)));
        }
        return out;
    }

    private static FamilyStructure component(String fid, String label, List<Person> people) {
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < people.size(); i++) {
            idx.put(people.get(i).id, i);
        }
        Map<String, Integer> marriageIndex = new LinkedHashMap<>();
        List<int[]> marriages = new ArrayList<>();
        List<List<Integer>> kids = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            Person p = people.get(i);
            if (p.fatherId == null) {
                continue;
            }
            p.fatherIdx = idx.get(p.fatherId);
            p.motherIdx = idx.get(p.motherId);
            String key = p.fatherId + "\u0000" + p.motherId;
            Integer k = marriageIndex.get(key);
            if (k == null) {
                k = marriages.size();
                marriageIndex.put(key, k);
                marriages.add(new int[] {p.fatherIdx, p.motherIdx});
                kids.add(new ArrayList<>());
            }
            kids.get(k).add(i);
        }
        List<String> memberIds = people.stream().filter(p -> p.real).map(p -> p.id).toList();
        String problem = ancestorCycle(people);
        if (problem == null) {
            problem = findLoop(people, marriages, kids);
        }
        LinkageFamily family = new LinkageFamily(label, fid, memberIds, problem);
        List<int[]> kidArrays = kids.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toList();
        return new FamilyStructure(family, people, marriages, kidArrays);
    }

    private static String ancestorCycle(List<Person> people) {
        int n = people.size();
        int[] state = new int[n];
        for (int start = 0; start < n; start++) {
            // iterative walk up the ancestry; a person met again on the current path is their own ancestor
            if (state[start] != 0) {
                continue;
            }
            Deque<int[]> stack = new ArrayDeque<>();
            stack.push(new int[] {start, 0});
            state[start] = 1;
            while (!stack.isEmpty()) {
                int[] top = stack.peek();
                Person p = people.get(top[0]);
                int next = -1;
                if (top[1] == 0) {
                    top[1] = 1;
                    next = p.fatherIdx;
                } else if (top[1] == 1) {
                    top[1] = 2;
                    next = p.motherIdx;
                } else {
                    state[top[0]] = 2;
                    stack.pop();
                    continue;
                }
                if (next < 0) {
                    continue;
                }
                if (state[next] == 1) {
                    return "pedigree has a cycle: " + people.get(next).id + " is their own ancestor";
                }
                if (state[next] == 0) {
                    state[next] = 1;
                    stack.push(new int[] {next, 0});
                }
            }
        }
        return null;
    }

    /** Finds a loop in the person–marriage graph and names the people on it, or returns null. */
    private static String findLoop(List<Person> people, List<int[]> marriages, List<List<Integer>> kids) {
        int n = people.size();
        int nodes = n + marriages.size();
        int[] up = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            up[i] = i;
        }
        List<List<Integer>> tree = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            tree.add(new ArrayList<>());
        }
        for (int k = 0; k < marriages.size(); k++) {
            int mNode = n + k;
            List<Integer> members = new ArrayList<>();
            members.add(marriages.get(k)[0]);
            members.add(marriages.get(k)[1]);
            members.addAll(kids.get(k));
            for (int person : members) {
                if (find(up, person) == find(up, mNode)) {
                    List<Integer> path = treePath(tree, person, mNode);
                    List<String> names = new ArrayList<>();
                    for (int v : path) {
                        if (v < n) {
                            names.add(people.get(v).id);
                        }
                    }
                    return "pedigree has a marriage loop or inbreeding through " + String.join(", ", names)
                            + "; loops are not supported (break the loop in the PED or analyse without this family)";
                }
                union(up, person, mNode);
                tree.get(person).add(mNode);
                tree.get(mNode).add(person);
            }
        }
        return null;
    }

    private static List<Integer> treePath(List<List<Integer>> tree, int from, int to) {
        Map<Integer, Integer> prev = new HashMap<>();
        Deque<Integer> queue = new ArrayDeque<>();
        queue.add(from);
        prev.put(from, -1);
        while (!queue.isEmpty()) {
            int v = queue.poll();
            if (v == to) {
                break;
            }
            for (int w : tree.get(v)) {
                if (!prev.containsKey(w)) {
                    prev.put(w, v);
                    queue.add(w);
                }
            }
        }
        List<Integer> path = new ArrayList<>();
        for (Integer v = to; v != null && v >= 0; v = prev.get(v)) {
            path.add(0, v);
        }
        return path;
    }

    private static int find(int[] up, int x) {
        while (up[x] != x) {
            up[x] = up[up[x]];
            x = up[x];
        }
        return x;
    }

    private static void union(int[] up, int a, int b) {
        up[find(up, a)] = find(up, b);
    }
}
