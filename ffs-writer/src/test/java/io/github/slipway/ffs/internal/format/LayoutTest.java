package io.github.slipway.ffs.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Layout constants add up: offsets rise, stay inside the struct, and decode/encode of random
 * bytes gives back every byte except the documented gaps (spares, in-core pointers).
 */
class LayoutTest {
    enum Struct {
        FS(SuperblockLayout.class, SuperblockLayout.SIZE, 1376, new int[][] {{728, 856}, {866, 868}, {872, 1000},
            {1040, 1072}, {1116, 1196}, {1208, 1312}},
                Superblock::decode, (r, b) -> ((Superblock) r).encode(b, 0)),
        CG(CylinderGroupLayout.class, CylinderGroupLayout.SIZE, 168, new int[][] {{124, 136}, {144, 168}},
                CylinderGroupHeader::decode, (r, b) -> ((CylinderGroupHeader) r).encode(b, 0)),
        DINODE(Ufs1InodeLayout.class, Ufs1InodeLayout.SIZE, 128, new int[][] {},
                Ufs1Inode::decode, (r, b) -> ((Ufs1Inode) r).encode(b, 0));

        final Class<?> layout;
        final int size;
        final int cSize;
        final int[][] gaps;
        final BiFunction<ByteBuffer, Integer, Object> decode;
        final BiConsumer<Object, ByteBuffer> encode;

        Struct(Class<?> layout, int size, int cSize, int[][] gaps, BiFunction<ByteBuffer, Integer, Object> decode,
                BiConsumer<Object, ByteBuffer> encode) {
            this.layout = layout;
            this.size = size;
            this.cSize = cSize;
            this.gaps = gaps;
            this.decode = decode;
            this.encode = encode;
        }
    }

    @ParameterizedTest
    @EnumSource(Struct.class)
    void offsetsRiseInsideTheStruct(Struct s) throws Exception {
        assertThat(s.size).isEqualTo(s.cSize);
        List<Integer> offsets = new ArrayList<>();
        for (Field f : s.layout.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class && !f.getName().equals("SIZE")
                    && !f.getName().endsWith("_COUNT")) {
                offsets.add(f.getInt(null));
            }
        }
        assertThat(offsets).isSorted().doesNotHaveDuplicates().allMatch(o -> o >= 0 && o < s.size);
    }

    @ParameterizedTest
    @EnumSource(Struct.class)
    void membersCoverEveryByteOutsideTheGaps(Struct s) {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            long seed = 42 + order.hashCode();
            Random rnd = new Random(seed);
            byte[] raw = new byte[s.size];
            rnd.nextBytes(raw);
            if (s == Struct.FS) {
                // the name fields are NUL-terminated strings: keep them short and terminated
                java.util.Arrays.fill(raw, SuperblockLayout.FS_FSMNT, SuperblockLayout.FS_VOLNAME + 32, (byte) 0);
                raw[SuperblockLayout.FS_FSMNT] = 'm';
                raw[SuperblockLayout.FS_VOLNAME] = 'v';
                for (int i = SuperblockLayout.FS_FMOD; i < SuperblockLayout.FS_FMOD + 4; i++) {
                    raw[i] &= 0x7f;
                }
            }
            Object rec = s.decode.apply(ByteBuffer.wrap(raw).order(order), 0);
            ByteBuffer out = ByteBuffer.allocate(s.size).order(order);
            s.encode.accept(rec, out);
            for (int i = 0; i < s.size; i++) {
                boolean gap = false;
                for (int[] g : s.gaps) {
                    gap |= i >= g[0] && i < g[1];
                }
                if (gap) {
                    assertThat(out.get(i)).as("seed %d: gap byte %d", seed, i).isZero();
                } else {
                    assertThat(out.get(i)).as("seed %d: byte %d of %s", seed, i, s).isEqualTo(raw[i]);
                }
            }
            assertThat(s.decode.apply(out, 0)).isEqualTo(rec);
        }
    }
}
